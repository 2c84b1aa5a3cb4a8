using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Xunit.Sdk;

namespace KnowledgeGen.Testing;

/// <summary>
/// Snapshot testing with Verify's conventions: the expected text lives in a committed
/// <c>*.verified.*</c> file beside the test; on a mismatch the test fails with a readable diff and
/// writes the actual text to <c>*.received.*</c>. Setting <c>KNOWLEDGEGEN_ACCEPT_SNAPSHOTS=1</c>
/// accepts the new output instead (it overwrites the verified file).
/// </summary>
public static class Snapshot
{
    public const string AcceptVariable = "KNOWLEDGEGEN_ACCEPT_SNAPSHOTS";

    /// <summary>Compares <paramref name="actual"/> with <c>Snapshots/{name}.verified.{extension}</c> beside the calling test file.</summary>
    public static void Match(string actual, string name, string extension = "txt", [CallerFilePath] string callerFile = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(callerFile)!, "Snapshots");
        MatchIn(folder, actual, name, extension);
    }

    /// <summary>Compares <paramref name="actual"/> with <c>{folder}/{name}.verified.{extension}</c>.</summary>
    public static void MatchIn(string folder, string actual, string name, string extension)
    {
        Directory.CreateDirectory(folder);
        var verified = Path.Combine(folder, $"{name}.verified.{extension}");
        var received = Path.Combine(folder, $"{name}.received.{extension}");
        actual = Normalize(actual);

        if (Environment.GetEnvironmentVariable(AcceptVariable) is "1" or "true")
        {
            File.WriteAllText(verified, actual, new UTF8Encoding(false));
            File.Delete(received);
            return;
        }

        var expected = File.Exists(verified) ? Normalize(File.ReadAllText(verified)) : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual, new UTF8Encoding(false));
        var message = new StringBuilder();
        if (expected is null)
        {
            message.AppendLine($"No verified snapshot at {verified}.");
            message.AppendLine($"The output was written to {received}; review it, then rename it or run with {AcceptVariable}=1.");
        }
        else
        {
            message.AppendLine($"The output differs from {verified}.");
            message.AppendLine($"It was written to {received}; if the change is intended, accept it with {AcceptVariable}=1.");
            message.AppendLine(Diff(expected, actual));
        }
        throw new XunitException(message.ToString());
    }

    /// <summary>A unified-style diff of the changed lines with two lines of context.</summary>
    public static string Diff(string expected, string actual)
    {
        var model = new InlineDiffBuilder(new DiffPlex.Differ()).BuildDiffModel(expected, actual, ignoreWhitespace: false);
        var lines = model.Lines;
        var builder = new StringBuilder();
        var lastPrinted = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Type == ChangeType.Unchanged)
                continue;
            for (var j = Math.Max(lastPrinted + 1, i - 2); j <= i; j++)
            {
                if (j > lastPrinted + 1 && builder.Length > 0 && j == i - 2)
                    builder.AppendLine("   ...");
                builder.AppendLine(Prefix(lines[j]) + lines[j].Text);
                lastPrinted = j;
            }
            for (var j = i + 1; j < Math.Min(lines.Count, i + 3) && lines[j].Type == ChangeType.Unchanged; j++)
            {
                builder.AppendLine(Prefix(lines[j]) + lines[j].Text);
                lastPrinted = j;
            }
        }
        return builder.ToString();

        static string Prefix(DiffPiece line) => line.Type switch
        {
            ChangeType.Inserted => " + ",
            ChangeType.Deleted => " - ",
            _ => "   ",
        };
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n").TrimStart('\uFEFF');
}
