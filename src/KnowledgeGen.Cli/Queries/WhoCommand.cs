using System.CommandLine;
using System.Linq;
using KnowledgeGen.Cli.Export;

namespace KnowledgeGen.Cli.Queries;

/// <summary>
/// <c>knowledgegen who &lt;name-or-alias&gt;</c>: an entity's card, found by id, name or alias ignoring case
/// (<c>who Punjir</c> is the Panjshir Valley). Kind, aliases, roles, the claims by it and about it, and
/// the sources that mention it, all answered from the pack's indexes. An entity of another pack that the pack refers to
/// (<see cref="ReferencedPacks"/>) is found too, when none of the pack's own is known by the name, or as
/// <c>&lt;pack&gt;:&lt;id&gt;</c> when the pack's own has its id; its card says which pack it belongs to, and lists the
/// claims of this pack by it, about it or citing it. Any entity is found by its JSON-LD <c>@id</c> too, and a claim by the
/// <c>@id</c> of a node its node holds (a citation's, its quantity's). The <c>@id</c> of the pack's own Dataset node shows what
/// the pack is, as the briefing begins (its heading and its counts).
/// </summary>
// The command is here; how it finds an entity is in WhoCommand.Lookup.cs, what it says when nothing is found in
// WhoCommand.Suggestions.cs, and the card in WhoCommand.Card.cs.
public static partial class WhoCommand
{
    /// <summary>Exit code when nothing in the pack is known by the name.</summary>
    public const int NotFound = 1;

    /// <summary>Creates the <c>who</c> command.</summary>
    public static Command Create(Option<string?> pack, Option<bool> plain)
    {
        var name = new Argument<string>("name-or-alias") { Description = "The id, name or alias of an actor, place, source or claim (case is ignored); <pack>:<id, name or alias> for one of another pack the pack refers to; or its @id in the JSON-LD export (a citation's or a quantity's @id shows its claim; the pack's own Dataset @id shows the pack)." };
        // An empty name is a wrong command line (`who "$UNSET"`), not a name that nothing in the pack has.
        name.Validators.Add(EmptyValue.IsAUsageErrorOf("who needs the id, name or alias of an entity"));
        var command = new Command("who", "Print the card of an entity: kind, aliases, roles, the claims by it and about it, and the sources that mention it.") { name, pack, plain };
        command.SetAction(result => PackAction.Run(result, pack, (knowledge, output) =>
        {
            var text = result.GetValue(name) ?? "";
            var error = result.InvocationConfiguration.Error;
            var (entity, others, part) = Lookup(knowledge, text);
            if (entity is null)
            {
                // The @id of the pack's own Dataset node names the pack itself: what it is, as the briefing begins.
                if (IsDatasetId(knowledge, text))
                {
                    Briefing.BriefingCommand.RenderPack(Briefing.BriefingReport.Build(knowledge), output, PlainOption.IsPlain(result, plain, output));
                    return 0;
                }
                // Only the start of an @id names no node, and every @id would be as near to it as any other.
                if (MissingId(knowledge, text) is { } missing)
                {
                    error.WriteLine(missing);
                    return NotFound;
                }
                error.WriteLine($"knowledgegen: nothing in {knowledge.Name} is known as {Quoted(text)}.");
                var nearest = Nearest(knowledge, text);
                if (nearest.Count > 0)
                    error.WriteLine("Nearest names: " + DisplayText.Of(string.Join(", ", nearest)));
                return NotFound;
            }
            // The @id of a citation or a quantity shows its claim's card, which holds them all: the note says which it is.
            if (part is not null)
                error.WriteLine($"knowledgegen: {Quoted(text)} is the JSON-LD @id of {DisplayText.Of($"{PartName(knowledge, part)} of the claim {KeyOf(knowledge, part.Claim)}")}, whose card is shown.");
            // A name or alias that several entities bear (KG0019 warns of it, and a pack may accept it) finds the one that
            // Pack.Find finds; the others are named, so that the card shown is not taken for the only one. Each is named by
            // the text that finds it (KeyOf): another pack's entity whose plain id finds one of the pack's own as <pack>:<id>.
            if (others.Count > 0)
            {
                error.WriteLine($"knowledgegen: {Quoted(text)} also names {DisplayText.Of(string.Join(", ", others.Select(e => $"{KeyOf(knowledge, e)} ({e.Name})")))}; " +
                    $"give an id to see {(others.Count == 1 ? "its card" : "their cards")}, as in '{Program.CommandName} who {DisplayText.Of(KeyOf(knowledge, others[0]))}'.");
            }
            if (PlainOption.IsPlain(result, plain, output))
                WriteText(knowledge, entity, output);
            else
                WriteTables(knowledge, entity, TextOrTable.Terminal(output));
            return 0;
        }));
        return command;
    }

    // A citation or a quantity as the note names it: "citation 2 (cited in report-001 via dashti-audio-message)", "the quantity".
    private static string PartName(KnowledgePack pack, ExportJsonLd.ClaimPart part) => part.Citation is { } citation
        ? $"citation {part.Number} (cited in {KeyOf(pack, citation.Source)}{(citation.Via is null ? "" : " via " + KeyOf(pack, citation.Via))})"
        : "the quantity";
}
