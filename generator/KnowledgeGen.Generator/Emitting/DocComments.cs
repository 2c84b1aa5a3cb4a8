using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using KnowledgeGen.Generator.Model;

namespace KnowledgeGen.Generator.Emitting;

/// <summary>
/// The XML doc comment of each generated member: the fact itself, so IntelliSense shows the knowledge
/// (a claim's statement, claimant, date, status and every quote with its source).
/// </summary>
internal static class DocComments
{
    public static List<string> Source(SourceModel s)
    {
        var facts = new List<string> { Words(s.Kind) };
        if (s.Outlet is not null)
            facts.Add("published by " + s.Outlet.Name);
        if (s.Author is not null)
            facts.Add("by " + s.Author.Name);
        if (s.Published is not null)
            facts.Add("published " + Date(s.Published));
        if (s.Language is not null)
            facts.Add("in " + s.Language + (s.TranslatedFrom is null ? "" : ", translated from " + s.TranslatedFrom));
        var paragraphs = new List<string> { s.Entity.Name, string.Join(" · ", facts) };
        if (s.Document is not null)
            paragraphs.Add("Document: " + s.Document);
        if (s.Relays.Count > 0)
            paragraphs.Add("Relays: " + string.Join(", ", s.Relays.Select(r => r.Name)));
        paragraphs.Add(Plural(s.CitationCount, "citation") + " · id: " + s.Entity.Id);
        return Summary(paragraphs, s.Entity);
    }

    public static List<string> Actor(ActorModel a)
    {
        var line = a.Entity.Name + " — " + Words(a.Kind) + (a.Anonymous ? " (unnamed)" : "");
        if (a.Roles.Count > 0)
            line += "; " + string.Join("; ", a.Roles.Select(Role));
        var paragraphs = new List<string> { line };
        if (a.Description is not null)
            paragraphs.Add(a.Description);
        paragraphs.Add(Plural(a.ClaimCount, "claim") + CitedIn(a) + " · id: " + a.Entity.Id);
        return Summary(paragraphs, a.Entity);
    }

    // The sources an actor's claims are cited in; a long list is cut, so a tooltip stays short in a large pack.
    private static string CitedIn(ActorModel a) =>
        a.CitedIn.Count == 0 ? ""
        : " · cited in " + string.Join(", ", a.CitedIn)
          + (a.CitedInCount > a.CitedIn.Count ? " and " + Plural(a.CitedInCount - a.CitedIn.Count, "other source") : "");

    public static List<string> Place(PlaceModel p)
    {
        var line = p.Entity.Name + " — " + Words(p.Kind) + (p.In is null ? "" : " in " + p.In.Name);
        return Summary(new List<string> { line, Plural(p.MentionCount, "claim") + " about it · id: " + p.Entity.Id }, p.Entity);
    }

    public static List<string> Claim(ClaimModel c)
    {
        var facts = new List<string> { "Claimed by " + c.Claimant.Name };
        if (c.Date is not null)
            facts.Add(Date(c.Date));
        facts.Add(Words(c.Status));
        if (c.Quantity is not null)
            facts.Add(Quantity(c.Quantity));
        var paragraphs = new List<string> { c.Statement, string.Join(" · ", facts) };
        foreach (var citation in c.Citations)
            paragraphs.Add(citation.Source.Id + ": “" + citation.Quote + "”" + (citation.Via is null ? "" : " (via " + citation.Via.Name + ")"));
        if (c.Contradicts.Count > 0)
            paragraphs.Add("Contradicts: " + string.Join("; ", c.Contradicts.Select(r => r.Name)));
        if (c.Supports.Count > 0)
            paragraphs.Add("Supports: " + string.Join("; ", c.Supports.Select(r => r.Name)));
        paragraphs.Add("id: " + c.Entity.Id);
        return Summary(paragraphs, c.Entity);
    }

    public static string Date(DateSpec date) => date.Precision switch
    {
        DatePrecisionSpec.Year => date.Year.ToString("D4", CultureInfo.InvariantCulture),
        DatePrecisionSpec.Month => $"{date.Year:D4}-{date.Month:D2}",
        DatePrecisionSpec.Approximate => $"around {date.Year:D4}-{date.Month:D2}-{date.Day:D2}",
        _ => $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2}",
    };

    private static string Quantity(QuantitySpec q) =>
        (q.Approximate ? "about " : "") + (q.Min == q.Max ? q.Min : q.Min + "–" + q.Max) + " " + q.Unit;

    private static string Role(RoleModel r) => (r.Former ? "former " : "") + r.Title + (r.Of is null ? "" : " of " + r.Of.Name);

    private static string Plural(int n, string word) => n == 1 ? "1 " + word : n + " " + word + "s";

    /// <summary><c>NewsReport</c> → <c>news report</c>.</summary>
    private static string Words(string pascal)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && builder.Length > 0)
                builder.Append(' ');
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    private static List<string> Summary(List<string> paragraphs, EntityModel entity)
    {
        if (entity.Aliases.Count > 0)
            paragraphs.Insert(1, "Also known as: " + string.Join(", ", entity.Aliases));
        if (entity.Note is not null)
            paragraphs.Add("Note: " + entity.Note);
        return paragraphs;
    }

    /// <summary>
    /// Writes a summary of one line per entry, broken with <c>&lt;br/&gt;</c>. One empty element a line, not a
    /// <c>&lt;para&gt;</c> pair: the compiler parses every doc comment tag (in the IDE and whenever docs are
    /// generated), and at 10,000 facts the pairs cost it about 200 ms of parsing, the breaks about 70.
    /// </summary>
    public static void Write(CodeWriter w, IReadOnlyList<string> lines)
    {
        w.Line("/// <summary>");
        for (var i = 0; i < lines.Count; i++)
        {
            var line = w.Begin().Append("/// ");
            CSharpText.AppendDoc(line, lines[i]);
            if (i < lines.Count - 1)
                line.Append("<br/>");
            w.End();
        }
        w.Line("/// </summary>");
    }
}
