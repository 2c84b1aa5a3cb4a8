using System.Text.Json;
using KnowledgeGen.Cli.Briefing;
using KnowledgeGen.Cli.Export;
using KnowledgeGen.Cli.Loading;
using Xunit;

namespace KnowledgeGen.Cli.Tests;

/// <summary>The command line run in-process: help, the --pack option, exit codes and error messages.</summary>
public class CommandLineTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("briefing", "--help")]
    [InlineData("export", "--help")]
    [InlineData("who", "--help")]
    [InlineData("contested", "--help")]
    [InlineData("timeline", "--help")]
    [InlineData("graph", "--help")]
    [InlineData("validate", "--help")]
    public void Help_works_on_every_command(params string[] args)
    {
        var result = CliRunner.Run(args);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Contains("Usage:", result.Output);
        Assert.Contains("knowledgegen", result.Output);
        // validate reads YAML, not a compiled pack.
        if (args[0] == "validate")
            Assert.DoesNotContain("--pack", result.Output);
        else
            Assert.Contains("--pack <path>", result.Output);
    }

    [Fact]
    public void Root_help_lists_the_commands_and_export_help_the_formats()
    {
        var root = CliRunner.Run("--help").Output;
        Assert.Contains("briefing", root);
        Assert.Contains("export", root);
        Assert.Contains("--plain", root);
        foreach (var command in new[] { "who", "contested", "timeline", "graph", "validate" })
            Assert.Contains(command, root);
        Assert.Contains("--format <json|jsonld>", CliRunner.Run("export", "--help").Output);
        Assert.Contains("--format <dot|mermaid>", CliRunner.Run("graph", "--help").Output);
    }

    [Fact]
    public void Briefing_of_a_pack_assembly_given_by_path()
    {
        var expected = new StringWriter();
        BriefingCommand.Render(BriefingReport.Build(FixturePacks.Starter), expected, plain: true);

        var root = CliRunner.Run("--pack", FixturePacks.StarterFile);
        Assert.Equal((0, "", expected.ToString()), (root.ExitCode, root.Error, root.Output));
        var command = CliRunner.Run("briefing", "--pack", FixturePacks.StarterFile);
        Assert.Equal((0, "", expected.ToString()), (command.ExitCode, command.Error, command.Output));
    }

    [Fact]
    public void Export_of_a_pack_assembly_given_by_path()
    {
        var result = CliRunner.Run("export", "--format", "json", "--pack", FixturePacks.StarterFile);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Equal(ExportJson.ToJson(FixturePacks.Starter), result.Output);
        using var document = JsonDocument.Parse(result.Output);
        Assert.Equal("Starter", document.RootElement.GetProperty("pack").GetProperty("name").GetString());

        Assert.Equal(result.Output, CliRunner.Run("--pack", FixturePacks.StarterFile, "export").Output);
    }

    [Fact]
    public void A_missing_file_is_a_clear_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-folder", "NoSuchPack.dll");
        var result = CliRunner.Run("--pack", missing);
        AssertFailure(result, PackAction.PackError, $"knowledgegen: No pack assembly at '{missing}': the file does not exist.");
        AssertFailure(CliRunner.Run("export", "--pack", missing), PackAction.PackError, "the file does not exist");
    }

    [Fact]
    public void A_folder_is_a_clear_error()
    {
        var folder = Path.GetDirectoryName(FixturePacks.StarterFile)!;
        AssertFailure(CliRunner.Run("--pack", folder), PackAction.PackError, "is a folder; give the path of the pack's .dll file.");
    }

    [Fact]
    public void A_file_that_is_not_an_assembly_is_a_clear_error()
    {
        var path = Path.Combine(Path.GetDirectoryName(FixturePacks.StarterFile)!, "notes.dll");
        File.WriteAllText(path, "not an assembly");
        AssertFailure(CliRunner.Run("--pack", path), PackAction.PackError, $"knowledgegen: '{path}' is not a .NET assembly, so it cannot hold a fact pack.");
    }

    [Fact]
    public void An_assembly_without_a_pack_is_a_clear_error()
    {
        var path = typeof(System.CommandLine.Command).Assembly.Location;
        AssertFailure(CliRunner.Run("export", "--pack", path), PackAction.PackError,
            $"knowledgegen: '{path}' holds no fact pack: it has no [assembly: KnowledgePack] attribute");
    }

    [Fact]
    public void A_pack_that_fails_to_load_is_a_clear_error()
    {
        var path = FixturePacks.EmitCSharpToFile("BrokenPack", """
            [assembly: KnowledgeGen.KnowledgePack(typeof(Broken.Pack), "Broken")]
            namespace Broken
            {
                public static class Pack
                {
                    public static KnowledgeGen.KnowledgePack Instance => throw new System.InvalidOperationException("The pack is broken.");
                }
            }
            """);
        AssertFailure(CliRunner.Run("--pack", path), PackAction.PackError,
            $"knowledgegen: The pack Broken in '{path}' could not be created: The pack is broken.");
    }

    [Fact]
    public void A_pack_whose_class_inherits_its_Instance_is_read()
    {
        // A pack written by hand whose Pack class takes Instance from a base class, as C# reads Pack.Instance.
        var path = FixturePacks.EmitCSharpToFile("InheritsInstance", """
            [assembly: KnowledgeGen.KnowledgePack(typeof(Inherits.Pack), "Inherits")]
            namespace Inherits
            {
                public abstract class PackBase<T> where T : KnowledgeGen.KnowledgePack, new()
                {
                    public static KnowledgeGen.KnowledgePack Instance { get; } = new T();
                }

                public sealed class Pack : PackBase<Facts>
                {
                }

                public sealed class Facts : KnowledgeGen.KnowledgePack
                {
                    public override string Name => "Inherits";
                    public override string Namespace => "Inherits";
                    public override string Title => "A pack that inherits its Instance";
                    public override string Version => "1.0.0";
                    public override string? Description => null;
                    public override System.Collections.Generic.IReadOnlyList<KnowledgeGen.Source> Sources => new KnowledgeGen.Source[0];
                    public override System.Collections.Generic.IReadOnlyList<KnowledgeGen.Actor> Actors => new KnowledgeGen.Actor[0];
                    public override System.Collections.Generic.IReadOnlyList<KnowledgeGen.Place> Places => new KnowledgeGen.Place[0];
                    public override System.Collections.Generic.IReadOnlyList<KnowledgeGen.Claim> Claims => new KnowledgeGen.Claim[0];
                }
            }
            """);
        var result = CliRunner.Run("briefing", "--pack", path);
        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        Assert.StartsWith("A pack that inherits its Instance (Inherits 1.0.0)", result.Output);
    }

    [Fact]
    public void A_reference_assembly_is_named_as_one()
    {
        var path = FixturePacks.EmitReferenceAssemblyToFile("Starter");
        AssertFailure(CliRunner.Run("--pack", path), PackAction.PackError,
            $"knowledgegen: '{path}' is a reference assembly (metadata only, as a build leaves in obj/.../ref), so its pack cannot be read");
    }

    [Fact]
    public void A_pack_whose_dependency_is_missing_names_it()
    {
        var path = FixturePacks.EmitWithMissingDependency("NeedsMore", "MissingDependency");
        AssertFailure(CliRunner.Run("--pack", path), PackAction.PackError,
            $"knowledgegen: The pack NeedsMore in '{path}' could not be created: Could not load file or assembly 'MissingDependency");
    }

    // docs/cli.md, exit codes: an empty value is a wrong command line (1), as `who ""` is, not a pack that cannot be read (2).
    [Theory]
    [InlineData("knowledgegen", "--pack needs the path of a pack assembly (.dll), and the one given is empty.", "--pack", "")]
    [InlineData("knowledgegen briefing", "--pack needs the path of a pack assembly (.dll), and the one given is empty.", "briefing", "--pack", "")]
    [InlineData("knowledgegen export", "--pack needs the path of a pack assembly (.dll), and the one given is empty.", "export", "--pack", "  ")]
    [InlineData("knowledgegen who", "who needs the id, name or alias of an entity, and the one given is empty.", "who", "")]
    [InlineData("knowledgegen validate", "validate needs the folder that holds the pack's *.kg.yaml files, and the one given is empty.", "validate", "")]
    [InlineData("knowledgegen validate", "--documents needs the folder of the source documents, and the one given is empty.", "validate", "knowledge", "--documents", "")]
    [InlineData("knowledgegen validate", "--reference needs the path of a pack assembly (.dll), and the one given is empty.", "validate", "knowledge", "--reference", "x.dll", "--reference", "")]
    public void An_empty_value_is_a_usage_error_as_a_missing_one_is(string command, string message, params string[] args)
    {
        var result = CliRunner.Run(args);
        Assert.Equal((Program.UsageError, "", $"knowledgegen: {message}\nSee '{command} --help'.\n"),
            (result.ExitCode, result.Output, result.Error.ReplaceLineEndings("\n")));
    }

    [Theory]
    [InlineData("knowledgegen export", "export", "--format", "xml")]
    [InlineData("knowledgegen export", "export", "--format")]
    [InlineData("knowledgegen", "publish")]
    [InlineData("knowledgegen", "--pack")]
    [InlineData("knowledgegen", "--no-such-option")]
    [InlineData("knowledgegen who", "who")]
    [InlineData("knowledgegen who", "who", "")]
    [InlineData("knowledgegen who", "who", "  ")]
    [InlineData("knowledgegen validate", "validate", "knowledge", "--pack", "x.dll")]
    public void Usage_errors_fail_with_a_message_on_standard_error_only(string command, params string[] args)
    {
        var result = CliRunner.Run(args);
        Assert.Equal(Program.UsageError, result.ExitCode);
        // Nothing on standard output, where `export --format xml > pack.json` would have written help into the file.
        Assert.Equal("", result.Output);
        Assert.StartsWith("knowledgegen: ", result.Error);
        Assert.EndsWith($"See '{command} --help'.", result.Error.TrimEnd());
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public void A_misspelt_command_or_option_gets_the_nearest_names()
    {
        Assert.Contains("For 'timelin', did you mean 'timeline'?", CliRunner.Run("timelin").Error);
        Assert.Contains("For '--plian', did you mean '--plain'?", CliRunner.Run("who", "Punjir", "--plian").Error);
        Assert.DoesNotContain("did you mean", CliRunner.Run("--zzzzzzzzzz").Error);
    }

    [Fact]
    public void Options_written_before_the_command_count_for_it()
    {
        Assert.Equal(CliRunner.Run("timeline", "--plain", "--pack", FixturePacks.StarterFile),
            CliRunner.Run("--plain", "--pack", FixturePacks.StarterFile, "timeline"));
        Assert.Equal(CliRunner.Run("who", "fahim-dashti", "--pack", FixturePacks.StarterFile),
            CliRunner.Run("--pack", FixturePacks.StarterFile, "who", "fahim-dashti"));
        Assert.Equal(0, CliRunner.Run("--pack", FixturePacks.StarterFile, "who", "fahim-dashti").ExitCode);

        // Captured output is plain whatever the option says, so the option itself is read back: in a terminal the root's
        // --plain is the one the command asks about.
        foreach (var command in new[] { "briefing", "who", "contested", "timeline" })
        {
            var parsed = Program.CreateRootCommand().Parse(command == "who" ? new[] { "--plain", command, "x" } : new[] { "--plain", command });
            Assert.Empty(parsed.Errors);
            var plain = (System.CommandLine.Option<bool>)parsed.CommandResult.Command.Options.Single(o => o.Name == "--plain");
            Assert.True(parsed.GetValue(plain), command);
        }
    }

    [Theory]
    [InlineData("--plain", "export", "--plain", "export")]
    [InlineData("--plain", "graph", "--plain", "graph")]
    [InlineData("--plain", "validate", "--plain", "validate", "knowledge")]
    [InlineData("--pack", "validate", "--pack", "x.dll", "validate", "knowledge")]
    public void An_option_before_a_command_that_does_not_take_it_is_an_error_not_ignored(string option, string command, params string[] args)
    {
        var result = CliRunner.Run(args);
        Assert.Equal(Program.UsageError, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Equal($"knowledgegen: {option} does not apply to '{command}'.", result.Error.Split('\n')[0]);
    }

    [Fact]
    public void The_built_in_pack_is_Panjshir2021()
    {
        var result = CliRunner.Run();
        var pack = PackLoader.LoadBuiltIn();
        Assert.Equal(("Panjshir2021", "Panjshir2021"), (pack.Name, pack.Namespace));
        var expected = new StringWriter();
        BriefingCommand.Render(BriefingReport.Build(pack), expected, plain: true);
        Assert.Equal((0, "", expected.ToString()), (result.ExitCode, result.Error, result.Output));
    }

    private static void AssertFailure(CliResult result, int exitCode, string message)
    {
        Assert.Equal(exitCode, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Contains(message, result.Error);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.DoesNotContain("   at ", result.Error);
    }
}

/// <summary>An output that cannot be written (a full disk, a closed stream) ends the tool with exit code 3 and no stack trace.</summary>
public class OutputErrorTests
{
    private sealed class FullWriter : StringWriter
    {
        public override void Write(char value) => throw new IOException("No space left on device");
        public override void Write(string? value) => throw new IOException("No space left on device");
        public override void WriteLine(string? value) => throw new IOException("No space left on device");
    }

    [Theory]
    [InlineData("export")]
    [InlineData("--help")]
    [InlineData("timeline")]
    public void A_full_output_ends_the_tool_with_exit_code_3_and_blames_no_pack(string command)
    {
        var error = new StringWriter();
        var exit = Program.Run(new[] { command }, new System.CommandLine.InvocationConfiguration { Output = new FullWriter(), Error = error });
        Assert.Equal(Program.OutputError, exit);
        Assert.DoesNotContain("reading the pack failed", error.ToString());
    }

    [Fact]
    public void A_full_error_stream_ends_the_tool_with_exit_code_3()
    {
        var exit = Program.Run(new[] { "--pack", "no-such-pack.dll" }, new System.CommandLine.InvocationConfiguration { Output = new StringWriter(), Error = new FullWriter() });
        Assert.Equal(Program.OutputError, exit);
    }
}

