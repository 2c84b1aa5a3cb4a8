using System;
using System.CommandLine;
using System.IO;
using System.Text;

namespace KnowledgeGen.Cli.Export;

/// <summary><c>knowledgegen export --format json</c>: the whole pack, written to standard output.</summary>
public static class ExportCommand
{
    /// <summary>The formats <c>--format</c> accepts.</summary>
    public static readonly string[] Formats = { "json" };

    /// <summary>Creates the <c>export</c> command.</summary>
    public static Command Create(Option<string?> pack)
    {
        var format = new Option<string>("--format", "-f")
        {
            Description = "The output format.",
            DefaultValueFactory = _ => "json",
        };
        format.AcceptOnlyFromAmong(Formats);

        var command = new Command("export", "Write the whole pack (manifest, sources, actors, places, claims) to standard output.") { format };
        command.SetAction(result => PackAction.Run(result, pack, (knowledge, output) =>
        {
            Write(knowledge, output);
            return 0;
        }));
        return command;
    }

    /// <summary>
    /// Writes the JSON of <paramref name="pack"/> to <paramref name="output"/>. On the process's own standard
    /// output the UTF-8 bytes go straight to the stream, so the console's encoding cannot mangle the text.
    /// </summary>
    public static void Write(KnowledgePack pack, TextWriter output)
    {
        if (ReferenceEquals(output, Console.Out))
        {
            output.Flush();
            using var stdout = Console.OpenStandardOutput();
            ExportJson.Write(pack, stdout);
            stdout.Flush();
            return;
        }
        output.Write(ExportJson.ToJson(pack));
    }
}
