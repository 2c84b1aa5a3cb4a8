using System;
using System.Globalization;
using System.IO;
using System.Linq;

namespace KnowledgeGen.Cli.Briefing;

/// <summary>Renders a <see cref="BriefingReport"/> as plain text: for pipes, files and logs, and stable enough to diff.</summary>
public static class BriefingText
{
    /// <summary>Writes the briefing to <paramref name="output"/>.</summary>
    public static void Render(BriefingReport report, TextWriter output)
    {
        output = DisplayText.Writer(output);
        WritePack(report, output);
        WriteClaimants(report, output);
        WriteContested(report, output);
        WriteTimeline(report, output);
    }

    /// <summary>Writes what the pack is, as the briefing begins: its heading (title, name, version, description) and its counts.</summary>
    public static void RenderPack(BriefingReport report, TextWriter output) => WritePack(report, DisplayText.Writer(output));

    private static void WritePack(BriefingReport report, TextWriter output)
    {
        WriteHeading(report.Pack, output);
        WriteCounts(report.Counts, output);
    }

    private static void WriteHeading(PackHeading pack, TextWriter output)
    {
        output.WriteLine($"{pack.Title} ({pack.Name} {pack.Version})");
        if (!string.IsNullOrWhiteSpace(pack.Description))
            output.WriteLine(pack.Description);
    }

    private static void WriteCounts(BriefingCounts counts, TextWriter output)
    {
        var rows = new (string Label, int Count)[]
        {
            ("sources", counts.Sources), ("actors", counts.Actors), ("places", counts.Places),
            ("claims", counts.Claims), ("citations", counts.Citations),
        };
        var width = rows.Max(r => Number(r.Count).Length);
        output.WriteLine();
        output.WriteLine("Counts");
        foreach (var (label, count) in rows)
            output.WriteLine($"  {label,-10} {Number(count).PadLeft(width)}");
    }

    private static void WriteClaimants(BriefingReport report, TextWriter output)
    {
        output.WriteLine();
        if (report.Claimants.Count == 0)
        {
            output.WriteLine("Claims per claimant: none");
            return;
        }
        output.WriteLine("Claims per claimant");
        var width = report.Claimants.Max(t => Number(t.Claims).Length);
        foreach (var tally in report.Claimants)
            output.WriteLine($"  {Number(tally.Claims).PadLeft(width)}  {tally.Name}");
    }

    private static void WriteContested(BriefingReport report, TextWriter output)
    {
        output.WriteLine();
        if (report.Contested.Count == 0)
        {
            output.WriteLine("Contested claims: none");
            return;
        }
        output.WriteLine($"Contested claims: {Plural(report.Contested.Count, "pair")}");
        var width = Number(report.Contested.Count).Length;
        var indent = new string(' ', 2 + width + 2); // the sides line up under the pair's ids
        var number = 0;
        foreach (var pair in report.Contested)
        {
            number++;
            output.WriteLine($"  {Number(number).PadLeft(width)}. {pair.First.ClaimId} contradicts {pair.Second.ClaimId}");
            WriteSide(indent, "A", pair.First, output);
            WriteSide(indent, "B", pair.Second, output);
        }
    }

    private static void WriteSide(string indent, string label, ClaimSide side, TextWriter output)
    {
        output.WriteLine($"{indent}{label}. {side.Statement}");
        output.WriteLine($"{indent}   claimant: {side.Claimant}; date: {side.Date ?? "undated"}; status: {side.Status}");
        output.WriteLine($"{indent}   sources: {string.Join(", ", side.Sources)}");
    }

    private static void WriteTimeline(BriefingReport report, TextWriter output)
    {
        output.WriteLine();
        var undated = report.UndatedClaims == 0 ? "" : $" ({Plural(report.UndatedClaims, "claim")} without a date)";
        if (report.Timeline.Count == 0)
        {
            output.WriteLine($"Timeline: no dated claims{undated}");
            return;
        }
        output.WriteLine($"Timeline: {Plural(report.Timeline.Count, "dated claim")}{undated}");
        var width = report.Timeline.Max(e => e.Date.Length);
        foreach (var entry in report.Timeline)
            output.WriteLine($"  {entry.Date.PadRight(width)}  {entry.Claimant}: {entry.Statement} [{entry.Status}]");
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string Plural(int count, string noun) => $"{Number(count)} {noun}{(count == 1 ? "" : "s")}";
}
