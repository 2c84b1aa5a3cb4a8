using System.Globalization;
using System.Linq;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace KnowledgeGen.Cli.Briefing;

/// <summary>Renders a <see cref="BriefingReport"/> as Spectre.Console tables, for a terminal.</summary>
public static class BriefingTables
{
    /// <summary>Writes the briefing to <paramref name="console"/>.</summary>
    public static void Render(BriefingReport report, IAnsiConsole console)
    {
        RenderPack(report, console);
        console.WriteLine();
        console.Write(report.Claimants.Count == 0 ? (IRenderable)new Text("Claims per claimant: none\n") : Claimants(report));
        console.WriteLine();
        console.Write(report.Contested.Count == 0 ? (IRenderable)new Text("Contested claims: none\n") : Contested(report));
        console.WriteLine();
        console.Write(report.Timeline.Count == 0 ? (IRenderable)new Text("Timeline: no dated claims\n") : Timeline(report));
    }

    /// <summary>Writes what the pack is, as the briefing begins: its heading (title, name, version, description) and its counts.</summary>
    public static void RenderPack(BriefingReport report, IAnsiConsole console)
    {
        var pack = report.Pack;
        console.Write(new Rule(Markup.Escape(DisplayText.Of(pack.Title))).LeftJustified());
        var subtitle = $"{pack.Name} {pack.Version}" + (string.IsNullOrWhiteSpace(pack.Description) ? "" : " - " + pack.Description);
        console.Write(new Text(DisplayText.Of(subtitle) + "\n", new Style(Color.Grey)));
        console.WriteLine();
        console.Write(Counts(report.Counts));
    }

    private static Table Counts(BriefingCounts counts)
    {
        var table = new Table { Title = new TableTitle("Counts") }
            .AddColumn("Kind").AddColumn(new TableColumn("Count").RightAligned());
        table.AddRow("sources", Number(counts.Sources));
        table.AddRow("actors", Number(counts.Actors));
        table.AddRow("places", Number(counts.Places));
        table.AddRow("claims", Number(counts.Claims));
        table.AddRow("citations", Number(counts.Citations));
        return table;
    }

    private static Table Claimants(BriefingReport report)
    {
        var table = new Table { Title = new TableTitle("Claims per claimant") }
            .AddColumn(new TableColumn("Claims").RightAligned()).AddColumn("Claimant");
        foreach (var tally in report.Claimants)
            table.AddRow(new Text(Number(tally.Claims)), new Text(DisplayText.Of(tally.Name)));
        return table;
    }

    private static Table Contested(BriefingReport report)
    {
        var table = new Table { Title = new TableTitle($"Contested claims ({BriefingText.Plural(report.Contested.Count, "pair")})") }
            .AddColumn(new TableColumn("#").RightAligned()).AddColumn("Claim").AddColumn("Claimant")
            .AddColumn("Date").AddColumn("Status").AddColumn("Sources")
            .ShowRowSeparators();
        var number = 0;
        foreach (var pair in report.Contested)
        {
            number++;
            table.AddRow(Side(Number(number) + "A", pair.First));
            table.AddRow(Side(Number(number) + "B", pair.Second));
        }
        return table;
    }

    private static IRenderable[] Side(string label, ClaimSide side) => new IRenderable[]
    {
        new Text(label), new Text(DisplayText.Of(side.Statement)), new Text(DisplayText.Of(side.Claimant)), new Text(side.Date ?? "undated"),
        Status(side.Status), new Text(string.Join("\n", side.Sources)),
    };

    private static Table Timeline(BriefingReport report)
    {
        var table = new Table { Title = new TableTitle("Timeline") }
            .AddColumn("Date").AddColumn("Claimant").AddColumn("Claim").AddColumn("Status");
        if (report.UndatedClaims > 0)
            table.Caption = new TableTitle($"{BriefingText.Plural(report.UndatedClaims, "claim")} without a date not shown");
        foreach (var entry in report.Timeline)
            table.AddRow(new Text(entry.Date), new Text(DisplayText.Of(entry.Claimant)), new Text(DisplayText.Of(entry.Statement)), Status(entry.Status));
        return table;
    }

    private static Text Status(string status) => new(status, status switch
    {
        "corroborated" => new Style(Color.Green),
        "unverified" => new Style(Color.Yellow),
        "disputed" or "denied" => new Style(Color.Red),
        _ => Style.Plain,
    });

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
