using Spectre.Console;

namespace KnowledgeGen.Cli.Tests;

/// <summary>A terminal for the table renderers that writes to a string: no colour, no ANSI codes, box drawing on, a fixed width.</summary>
internal static class TableConsole
{
    public static string Render(int width, Action<IAnsiConsole> write)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false }, // CI detection would change the profile
        });
        console.Profile.Width = width;
        console.Profile.Capabilities.Unicode = true;
        write(console);
        return output.ToString();
    }
}
