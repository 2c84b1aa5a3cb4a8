using System.Collections.Generic;
using System.Globalization;
using System.Text;
using KnowledgeGen.Generator.Model;

namespace KnowledgeGen.Generator.Emitting;

/// <summary>
/// The XML doc comment of each generated member: the fact itself, so IntelliSense shows the knowledge
/// (a claim's statement, claimant, date, status and every quote with its source). Each line is written
/// piece by piece straight into the file's text: at 10,000 facts, building the lines as strings first
/// allocated about as much again as the comments themselves.
/// </summary>
internal static class DocComments
{
    public static void Source(CodeWriter w, SourceModel s)
    {
        var d = new Summary(w, s.Entity.Name, s.Entity);
        d.Line().Words(s.Kind);
        if (s.Outlet is not null)
            d.Then("published by ").Add(s.Outlet.Name);
        if (s.Author is not null)
            d.Then("by ").Add(s.Author.Name);
        if (s.Published is not null)
            d.Then("published ").Date(s.Published);
        if (s.Language is not null)
        {
            d.Then("in ").Add(s.Language);
            if (s.TranslatedFrom is not null)
                d.Add(", translated from ").Add(s.TranslatedFrom);
        }
        if (s.Document is not null)
            d.Line().Add("Document: ").Add(s.Document);
        if (s.Relays.Count > 0)
            d.Line().Add("Relays: ").Join(s.Relays, ", ", r => r.Name);
        d.Line().Count(s.CitationCount, "citation").Add(" · id: ").Add(s.Entity.Id);
        d.End();
    }

    public static void Actor(CodeWriter w, ActorModel a)
    {
        var d = new Summary(w, a.Entity.Name, a.Entity);
        d.Add(" — ").Words(a.Kind).Add(a.Anonymous ? " (unnamed)" : "");
        foreach (var role in a.Roles)
        {
            d.Add("; ").Add(role.Former ? "former " : "").Add(role.Title);
            if (role.Of is not null)
                d.Add(" of ").Add(role.Of.Name);
        }
        if (a.Description is not null)
            d.Line().Add(a.Description);
        d.Line().Count(a.ClaimCount, "claim");
        // The sources an actor's claims are cited in; a long list is cut, so a tooltip stays short in a large pack.
        if (a.CitedIn.Count > 0)
        {
            d.Add(" · cited in ").Join(a.CitedIn, ", ", id => id);
            if (a.CitedInCount > a.CitedIn.Count)
                d.Add(" and ").Count(a.CitedInCount - a.CitedIn.Count, "other source");
        }
        d.Add(" · id: ").Add(a.Entity.Id);
        d.End();
    }

    public static void Place(CodeWriter w, PlaceModel p)
    {
        var d = new Summary(w, p.Entity.Name, p.Entity);
        d.Add(" — ").Words(p.Kind);
        if (p.In is not null)
            d.Add(" in ").Add(p.In.Name);
        d.Line().Count(p.MentionCount, "claim").Add(" about it · id: ").Add(p.Entity.Id);
        d.End();
    }

    public static void Claim(CodeWriter w, ClaimModel c)
    {
        var d = new Summary(w, c.Statement, c.Entity);
        d.Line().Add("Claimed by ").Add(c.Claimant.Name);
        if (c.Date is not null)
            d.Then().Date(c.Date);
        d.Then().Words(c.Status);
        if (c.Quantity is { } q)
        {
            d.Then(q.Approximate ? "about " : "").Add(q.Min);
            if (q.Min != q.Max)
                d.Add("–").Add(q.Max);
            d.Add(" ").Add(q.Unit);
        }
        foreach (var citation in c.Citations)
        {
            d.Line().Add(citation.Source.Id).Add(": “").Add(citation.Quote).Add("”");
            if (citation.Via is not null)
                d.Add(" (via ").Add(citation.Via.Name).Add(")");
        }
        if (c.Contradicts.Count > 0)
            d.Line().Add("Contradicts: ").Join(c.Contradicts, "; ", r => r.Name);
        if (c.Supports.Count > 0)
            d.Line().Add("Supports: ").Join(c.Supports, "; ", r => r.Name);
        d.Line().Add("id: ").Add(c.Entity.Id);
        d.End();
    }

    public static void Pack(CodeWriter w, PackInfo info, int sources, int actors, int places, int claims)
    {
        var d = new Summary(w, $"The fact pack {info.Title} ({info.Name} {info.Version}).", entity: null);
        if (info.Description is not null)
            d.Line().Add(info.Description);
        d.Line().Count(sources, "source").Add(" · ").Count(actors, "actor").Add(" · ").Count(places, "place").Add(" · ").Count(claims, "claim");
        d.End();
    }

    public static string Date(DateSpec date) => date.Precision switch
    {
        DatePrecisionSpec.Year => date.Year.ToString("D4", CultureInfo.InvariantCulture),
        DatePrecisionSpec.Month => $"{date.Year:D4}-{date.Month:D2}",
        DatePrecisionSpec.Approximate => $"around {date.Year:D4}-{date.Month:D2}-{date.Day:D2}",
        _ => $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2}",
    };

    /// <summary>
    /// A summary of one line per entry, broken with <c>&lt;br/&gt;</c>. One empty element a line, not a
    /// <c>&lt;para&gt;</c> pair: the compiler parses every doc comment tag (in the IDE and whenever docs are
    /// generated), and at 10,000 facts the pairs cost it about 200 ms of parsing, the breaks about 70.
    /// Every piece is XML-escaped as it is written (<see cref="CSharpText.AppendDoc"/>).
    /// </summary>
    private sealed class Summary
    {
        private readonly CodeWriter _w;
        private readonly EntityModel? _entity; // null for the pack's own summary, which has no aliases or note
        private StringBuilder _line;
        private bool _aliasesWritten;

        /// <summary>Opens the summary with its first line: the entity's name, or a claim's statement.</summary>
        public Summary(CodeWriter w, string first, EntityModel? entity)
        {
            _w = w;
            _entity = entity;
            w.Line("/// <summary>");
            _line = w.Begin().Append("/// ");
            Add(first);
        }

        /// <summary>Ends the line so far with a break and starts the next; the also-known-as line is always the second.</summary>
        public Summary Line()
        {
            if (!_aliasesWritten)
            {
                _aliasesWritten = true;
                if (_entity is { Aliases.Count: > 0 })
                    Line().Add("Also known as: ").Join(_entity.Aliases, ", ", alias => alias);
            }
            _line.Append("<br/>");
            _w.End();
            _line = _w.Begin().Append("/// ");
            return this;
        }

        /// <summary>The next of a line's facts, after a middle dot.</summary>
        public Summary Then(string text = "") => Add(" · ").Add(text);

        public Summary Add(string? text)
        {
            if (!string.IsNullOrEmpty(text))
                CSharpText.AppendDoc(_line, text!);
            return this;
        }

        public Summary Count(int n, string word)
        {
            _line.Append(n.ToString(CultureInfo.InvariantCulture)).Append(' ');
            return Add(word).Add(n == 1 ? "" : "s");
        }

        public Summary Date(DateSpec date) => Add(DocComments.Date(date));

        /// <summary><c>NewsReport</c> → <c>news report</c>.</summary>
        public Summary Words(string pascal)
        {
            for (var i = 0; i < pascal.Length; i++)
            {
                var c = pascal[i];
                if (char.IsUpper(c) && i > 0)
                    _line.Append(' ');
                _line.Append(char.ToLowerInvariant(c));
            }
            return this;
        }

        /// <summary>The text of each item, with <paramref name="separator"/> between them.</summary>
        public Summary Join<T>(IReadOnlyList<T> items, string separator, System.Func<T, string?> text)
        {
            for (var i = 0; i < items.Count; i++)
                Add(i == 0 ? "" : separator).Add(text(items[i]));
            return this;
        }

        /// <summary>Adds the entity's note as the last line and closes the summary.</summary>
        public void End()
        {
            if (_entity?.Note is { } note)
                Line().Add("Note: ").Add(note);
            _w.End();
            _w.Line("/// </summary>");
        }
    }
}
