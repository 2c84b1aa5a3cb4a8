using System.Text;
using System.Text.RegularExpressions;
using KnowledgeGen.Testing;
using Xunit;

namespace KnowledgeGen.Cli.Tests;

/// <summary><c>validate &lt;folder&gt;</c>: the generator's reader and linker on YAML alone, with compiler-style output and exit codes.</summary>
public class ValidateTests
{
    [Fact]
    public void A_good_folder_passes_with_exit_code_0()
    {
        var result = CliRunner.Run("validate", TestFolders.Fixture("starter"));
        Assert.Equal("", result.Error);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("5 files, 2 sources, 4 actors, 2 places, 3 claims: 0 errors, 0 warnings.\n", result.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void The_Panjshir_pack_passes()
    {
        var result = CliRunner.Run("validate", Path.Combine(TestFolders.RepoRoot(), "knowledge", "panjshir-2021"));
        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith(": 0 errors, 0 warnings.", result.Output.Trim());
    }

    [Fact]
    public void A_broken_folder_prints_compiler_style_diagnostics_and_exits_1()
    {
        var folder = TestFolders.Fixture("broken");
        var result = CliRunner.Run("validate", folder);
        Assert.Equal(1, result.ExitCode);
        var lines = result.Output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.All(lines.SkipLast(1), line => Assert.Matches(@"^.+\.kg\.yaml\(\d+,\d+\): (error|warning) KG\d{4}: .+$", line));
        Assert.Contains(lines, l => l.Contains(": error KG0007: ", StringComparison.Ordinal));
        Snapshot.Match(result.Output.Replace(folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal), "Validate.broken", "txt");
    }

    // A documents folder beside the pack with a file for every document its sources name, each written by write (its path).
    private static string DocumentsNamedBy(string folder, Action<string> write)
    {
        var documents = Directory.CreateDirectory(Path.Combine(folder, "documents")).FullName;
        var named = Directory.GetFiles(folder, "*.kg.yaml").SelectMany(File.ReadAllLines)
            .Select(l => Regex.Match(l, @"document:\s*(\S+)")).Where(m => m.Success).Select(m => m.Groups[1].Value.Trim('"', '\'')).Distinct().ToList();
        Assert.NotEmpty(named);
        foreach (var name in named)
            write(Path.Combine(documents, name));
        return documents;
    }

    [Fact]
    public void Quotes_are_checked_against_documents_given_with_the_option()
    {
        TestFolders.InCopyOfStarter(folder =>
        {
            var documents = DocumentsNamedBy(folder, name => File.WriteAllText(name, "Nothing that any claim quotes."));
            var result = CliRunner.Run("validate", folder, "--documents", documents);
            Assert.Equal(1, result.ExitCode);
            Assert.Contains(": error KG0022: ", result.Output);
        });
    }

    [Fact]
    public void A_document_of_UTF8_behind_a_UTF16_byte_order_mark_is_KG0035_as_in_the_build()
    {
        TestFolders.InCopyOfStarter(folder =>
        {
            var documents = DocumentsNamedBy(folder,
                name => File.WriteAllBytes(name, [0xFF, 0xFE, .. System.Text.Encoding.UTF8.GetBytes("Nothing that any claim quotes.\n")]));
            var result = CliRunner.Run("validate", folder, "--documents", documents);
            var lines = result.Output.TrimEnd().Split('\n');
            Assert.Contains(lines, l => l.Contains(": warning KG0035: The document '", StringComparison.Ordinal)
                && l.Contains("starts with FF FE, the byte-order mark of UTF-16, but is not UTF-16 text", StringComparison.Ordinal));
            Assert.DoesNotContain("KG0022", result.Output); // its quotes are not checked, rather than each reported as not found
            Assert.Equal(0, result.ExitCode);
        });
    }

    [Fact]
    public void Two_documents_of_one_file_name_in_the_documents_folder_are_KG0037_naming_both_as_in_the_build()
    {
        TestFolders.InCopyOfStarter(folder =>
        {
            // The documents folder is read with its subfolders: one name in two of them could be either document.
            var documents = DocumentsNamedBy(folder, name => File.WriteAllText(name, "Nothing that any claim quotes."));
            var first = Directory.GetFiles(documents)[0];
            var copy = Path.Combine(Directory.CreateDirectory(Path.Combine(documents, "later")).FullName, Path.GetFileName(first));
            File.WriteAllText(copy, "Nothing either.");
            var result = CliRunner.Run("validate", folder, "--documents", documents);
            var lines = result.Output.TrimEnd().Split('\n');
            Assert.Contains(lines, l => l.Contains(": warning KG0037: ", StringComparison.Ordinal)
                && l.Contains($"names the document '{Path.GetFileName(first)}', but the build was given 2 documents of that name ({first}, {copy}), so its quotes are not verified", StringComparison.Ordinal));
        });
    }

    // docs/cli.md and docs/yaml-format.md: validate reads YAML alone, so without --reference an id of a pack the project would
    // reference is unknown to it (CrossPackTests gives it the pack).
    [Fact]
    public void An_id_of_another_pack_is_unknown_to_validate_which_reads_yaml_alone()
    {
        var folder = Directory.CreateTempSubdirectory("kg-validate-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "c.kg.yaml"), """
                pack: { name: Commentary, namespace: Panjshir2021.Commentary, title: Commentary, version: 1.0.0 }
                sources:
                  - { id: my-report-01, name: My report, kind: other }
                claims:
                  - id: massoud-calls-for-talks
                    statement: Ahmad Massoud called for negotiations.
                    claimant: ahmad-massoud
                    citations: [{ source: my-report-01, quote: Massoud called for negotiations }]
                """);
            var result = CliRunner.Run("validate", folder);
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("c.kg.yaml(7,15): error KG0007: The field 'claimant' of the claim 'massoud-calls-for-talks' refers to 'ahmad-massoud', but the pack has no entity with that id", result.Output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // docs/diagnostics.md, KG0026: a file whose first two bytes are UTF-16's byte-order mark is read as UTF-16, as the
    // compiler reads it; UTF-8 behind them is no UTF-16 text, and is said to be so rather than read as CJK characters.
    [Fact]
    public void A_file_of_UTF8_behind_a_UTF16_byte_order_mark_is_KG0026_and_a_file_in_UTF16_is_read()
    {
        TestFolders.InCopyOfStarter(folder =>
        {
            var files = Directory.GetFiles(folder, "*.kg.yaml").Order(StringComparer.Ordinal).ToList();
            // Every file in UTF-16, little- or big-endian, with its byte-order mark: the pack as it is in UTF-8.
            for (var i = 0; i < files.Count; i++)
                File.WriteAllText(files[i], File.ReadAllText(files[i]), i % 2 == 0 ? Encoding.Unicode : Encoding.BigEndianUnicode);
            var utf16 = CliRunner.Run("validate", folder);
            Assert.Equal((0, "", "5 files, 2 sources, 4 actors, 2 places, 3 claims: 0 errors, 0 warnings.\n"),
                (utf16.ExitCode, utf16.Error, utf16.Output.ReplaceLineEndings("\n")));

            // The same text as UTF-8 behind FF FE, once with an even number of bytes after them and once with an odd one.
            var stray = Path.Combine(folder, "stray.kg.yaml");
            foreach (var text in new[] { "actors:\n  - { id: a, name: A, kind: person }\n", "actors:\n  - { id: a, name: AB, kind: person }\n" })
            {
                File.WriteAllBytes(stray, [0xFF, 0xFE, .. Encoding.UTF8.GetBytes(text)]);
                var result = CliRunner.Run("validate", folder);
                Assert.Equal((1, ""), (result.ExitCode, result.Error));
                Assert.Equal(new[]
                {
                    $"{stray}(1,1): error KG0026: The file starts with FF FE, the byte-order mark of UTF-16, but is not UTF-16 text: read as UTF-16 it " +
                        "holds not one ASCII character, where YAML has line breaks, spaces and colons (is it UTF-8 text behind two stray bytes?); a pack file is YAML text saved as UTF-8",
                    "6 files, 2 sources, 4 actors, 2 places, 3 claims: 1 error, 0 warnings.",
                }, result.Output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
            }
        });
    }

    // docs/cli.md, exit codes: a --reference that is no pack assembly stops validate with one line and exit code 2, before any
    // diagnostic, as a pack file that cannot be read does: checking the pack without it would report every id it holds.
    [Fact]
    public void A_reference_that_is_no_pack_assembly_is_one_line_on_standard_error_and_exit_code_2()
    {
        var starter = TestFolders.Fixture("starter");
        var folder = Directory.CreateTempSubdirectory("kg-validate-reference-").FullName;
        try
        {
            var missing = Path.Combine(folder, "Missing.dll");
            var notAnAssembly = Path.Combine(folder, "Notes.dll");
            File.WriteAllText(notAnAssembly, "not an assembly");
            var noPack = typeof(System.CommandLine.Command).Assembly.Location;
            var cases = new List<(string Path, string Message)>
            {
                (missing, $"the pack assembly '{missing}' given to --reference does not exist."),
                (folder, $"'{folder}' given to --reference is a folder; give the path of the pack's .dll file."),
                (notAnAssembly, $"'{notAnAssembly}' given to --reference is not a .NET assembly, so it cannot hold a fact pack."),
                (noPack, $"'{noPack}' given to --reference holds no fact pack: it has no [assembly: KnowledgePack] attribute " +
                    "(a pack assembly gets one when its project compiles at least one *.kg.yaml file)."),
            };
            if (!OperatingSystem.IsWindows()) // where a link needs no privilege
            {
                var brokenLink = Path.Combine(folder, "Gone.dll");
                File.CreateSymbolicLink(brokenLink, missing);
                cases.Add((brokenLink, $"'{brokenLink}' given to --reference is a link to '{missing}', which does not exist."));
            }
            foreach (var (path, message) in cases)
            {
                // The wrong one is named whichever place it has among the references.
                var result = CliRunner.Run("validate", starter, "--reference", FixturePacks.StarterFile, "--reference", path);
                Assert.Equal((2, "", $"knowledgegen: {message}\n"), (result.ExitCode, result.Output, result.Error.ReplaceLineEndings("\n")));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_file_given_as_the_folder_is_a_clear_error()
    {
        var file = Directory.GetFiles(TestFolders.Fixture("starter"), "*.kg.yaml")[0];
        var result = CliRunner.Run("validate", file);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"knowledgegen: '{file}' is a file; validate takes the folder that holds the pack's *.kg.yaml files.", result.Error.Trim());
    }

    [Fact]
    public void A_folder_without_pack_files_is_an_error_on_standard_error_not_a_result()
    {
        var empty = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "knowledgegen-empty-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            var result = CliRunner.Run("validate", empty);
            Assert.Equal(KnowledgeGen.Cli.Validate.ValidateCommand.CannotRead, result.ExitCode);
            Assert.Equal("", result.Output);
            Assert.Equal($"knowledgegen: the folder '{empty}' holds no *.kg.yaml files, so there is no pack to validate.", result.Error.Trim());
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public void Other_yaml_files_of_the_folder_are_KG0032_as_in_the_build_and_not_read()
    {
        TestFolders.InCopyOfStarter(folder =>
        {
            // A pack file named as YAML files usually are, and one in a folder below: their facts would be left out.
            File.WriteAllText(Path.Combine(folder, "harbour.yaml"), "actors:\n  - { id: harbour-master, name: Harbour master, kind: person }\n");
            Directory.CreateDirectory(Path.Combine(folder, "more"));
            File.WriteAllText(Path.Combine(folder, "more", "quay.kg.yml"), "places: [\n");
            var result = CliRunner.Run("validate", folder);
            Assert.Equal(0, result.ExitCode);
            var lines = result.Output.TrimEnd().Split('\n');
            Assert.Contains($"{Path.Combine(folder, "harbour.yaml")}(1,1): warning KG0032: The file 'harbour.yaml' is in the folder of the pack's files, " +
                "but only files named *.kg.yaml are read, so its facts are not in the pack; if it holds facts, rename it 'harbour.kg.yaml'", lines);
            Assert.Contains(lines, l => l.StartsWith($"{Path.Combine(folder, "more", "quay.kg.yml")}(1,1): warning KG0032: ", StringComparison.Ordinal)
                && l.EndsWith("rename it 'quay.kg.yaml'", StringComparison.Ordinal));
            // Not read: the broken YAML of one gives no syntax error, the actor of the other is not counted.
            Assert.DoesNotContain("KG0001", result.Output);
            Assert.DoesNotContain("harbour-master", result.Output);
            Assert.EndsWith(": 0 errors, 2 warnings.", lines[^1]);
        });
    }

    [Fact]
    public void Pack_files_and_other_yaml_files_are_found_whatever_the_case_of_their_names_as_in_the_build()
    {
        TestFolders.InCopyOfStarter(folder =>
        {
            // The build reads HARBOUR.KG.YAML as a pack file on every system; so does validate, and its mistake is reported.
            File.WriteAllText(Path.Combine(folder, "HARBOUR.KG.YAML"), "actors:\n  - { id: Harbour Master, name: Harbour master, kind: person }\n");
            File.WriteAllText(Path.Combine(folder, "Quay.YML"), "places: [\n");
            var result = CliRunner.Run("validate", folder);
            Assert.Equal(1, result.ExitCode);
            var lines = result.Output.TrimEnd().Split('\n');
            Assert.Contains(lines, l => l.StartsWith($"{Path.Combine(folder, "HARBOUR.KG.YAML")}(2,11): error KG0005: ", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith($"{Path.Combine(folder, "Quay.YML")}(1,1): warning KG0032: ", StringComparison.Ordinal)
                && l.EndsWith("rename it 'Quay.kg.yaml'", StringComparison.Ordinal));
            Assert.DoesNotContain(lines, l => l.Contains("HARBOUR.KG.YAML(1,1): warning KG0032", StringComparison.Ordinal));
        });
    }

    [Fact]
    public void A_documents_folder_that_is_missing_or_empty_is_an_error_not_a_pass()
    {
        var empty = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "knowledgegen-documents-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            var missing = CliRunner.Run("validate", TestFolders.Fixture("starter"), "--documents", Path.Combine(empty, "none"));
            Assert.Equal(2, missing.ExitCode);
            Assert.Contains("given to --documents does not exist", missing.Error);

            // No document means no quote checked: passing would say the quotes hold.
            var nothing = CliRunner.Run("validate", TestFolders.Fixture("starter"), "--documents", empty);
            Assert.Equal(2, nothing.ExitCode);
            Assert.Contains("holds no files, so no quote could be checked", nothing.Error);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public void A_pack_file_that_cannot_be_read_stops_with_the_reason()
    {
        TestFolders.InCopyOfStarter(folder =>
        {
            // A link to nothing: listed as a *.kg.yaml file, and unreadable (as a file without permission is).
            var broken = Path.Combine(folder, "broken.kg.yaml");
            File.CreateSymbolicLink(broken, Path.Combine(folder, "nowhere"));

            var result = CliRunner.Run("validate", folder);

            Assert.Equal(2, result.ExitCode);
            Assert.StartsWith("knowledgegen: ", result.Error);
            Assert.Contains(broken, result.Error);
            Assert.DoesNotContain("KG9999", result.Output + result.Error);
        });
    }

    [Fact]
    public void A_link_to_a_folder_is_followed_and_one_back_to_a_folder_being_searched_is_named_and_skipped()
    {
        var elsewhere = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "knowledgegen-validate-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            TestFolders.InCopyOfStarter(folder =>
            {
                // One file of the pack lives in another folder, reached through a link, as a build's wildcard reaches it.
                var moved = Directory.GetFiles(folder, "*.kg.yaml").Order(StringComparer.Ordinal).First();
                File.Move(moved, Path.Combine(elsewhere, Path.GetFileName(moved)));
                Directory.CreateSymbolicLink(Path.Combine(folder, "more"), elsewhere);
                // Two links back: one to the folder itself, one from a folder inside it to its parent.
                var inner = Directory.CreateDirectory(Path.Combine(folder, "inner")).FullName;
                Directory.CreateSymbolicLink(Path.Combine(inner, "up"), "..");
                Directory.CreateSymbolicLink(Path.Combine(folder, "self"), folder);

                var result = CliRunner.Run("validate", folder);

                Assert.Equal(0, result.ExitCode);
                Assert.Equal("5 files, 2 sources, 4 actors, 2 places, 3 claims: 0 errors, 0 warnings.\n", result.Output.ReplaceLineEndings("\n"));
                Assert.Equal(new[]
                {
                    $"knowledgegen: skipped '{Path.Combine(inner, "up")}': it links back to '{folder}', whose files are read already.",
                    $"knowledgegen: skipped '{Path.Combine(folder, "self")}': it links back to '{folder}', whose files are read already.",
                }, result.Error.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
            });
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    [Fact]
    public void A_missing_folder_is_a_clear_error()
    {
        var result = CliRunner.Run("validate", Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N")));
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("knowledgegen: the folder ", result.Error);
    }

    public static TheoryData<string> Cases() => new() { "relay-cycle", "repeated-alias", "language-tag", "pack-version" };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_diagnostic_case_prints_what_the_build_reports_as_its_verified_snapshot_pins(string name)
    {
        var folder = TestFolders.Fixture(Path.Combine("diagnostics", name));
        var verified = File.ReadAllLines(Path.Combine(TestFolders.RepoRoot(), "tests", "KnowledgeGen.Generator.Tests", "Snapshots", $"Diagnostics.{name}.verified.txt"))
            .Where(l => !l.StartsWith(' ')).ToList();

        var result = CliRunner.Run("validate", folder);

        var printed = result.Output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').SkipLast(1)
            .Select(l => l.Replace(folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(verified);
        Assert.Equal(verified, printed);
        Assert.Equal(verified.Any(l => l.Contains(": error ", StringComparison.Ordinal)) ? 1 : 0, result.ExitCode);
    }
}
