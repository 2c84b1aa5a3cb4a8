using System;
using System.CommandLine;
using System.IO;
using System.Text;

namespace KnowledgeGen.Cli.Export;

/// <summary><c>knowledgegen export --format json|jsonld</c>: the whole pack, written to standard output.</summary>
public static class ExportCommand
{
    /// <summary>The formats <c>--format</c> accepts.</summary>
    public static readonly string[] Formats = { "json", "jsonld" };

    /// <summary>Creates the <c>export</c> command.</summary>
    public static Command Create(Option<string?> pack)
    {
        var format = new Option<string>("--format", "-f")
        {
            Description = "The output format: json (the pack's own shape) or jsonld (JSON-LD with the schema.org vocabulary).",
            DefaultValueFactory = _ => "json",
        };
        format.AcceptOnlyFromAmong(Formats);

        var command = new Command("export", "Write the whole pack (manifest, sources, actors, places, claims) to standard output.") { pack, format };
        command.SetAction(result => PackAction.Run(result, pack, (knowledge, output) =>
        {
            Write(knowledge, output, result.GetValue(format) ?? "json");
            return 0;
        }));
        return command;
    }

    /// <summary>
    /// Writes the JSON of <paramref name="pack"/> to <paramref name="output"/>. On the process's own standard
    /// output the UTF-8 bytes go straight to the stream, so the console's encoding cannot mangle the text.
    /// </summary>
    public static void Write(KnowledgePack pack, TextWriter output) => Write(pack, output, "json");

    /// <summary>Writes <paramref name="pack"/> in <paramref name="format"/> (json or jsonld) to <paramref name="output"/>.</summary>
    public static void Write(KnowledgePack pack, TextWriter output, string format)
    {
        var jsonLd = format == "jsonld";
        var stdout = ReferenceEquals(output, Console.Out) ? Console.OpenStandardOutput() : StandardStreams.ByteStream(output);
        if (stdout is not null)
        {
            output.Flush();
            if (jsonLd)
                ExportJsonLd.Write(pack, stdout);
            else
                ExportJson.Write(pack, stdout);
            stdout.Flush();
            return;
        }
        output.Write(jsonLd ? ExportJsonLd.ToJson(pack) : ExportJson.ToJson(pack));
    }
}
