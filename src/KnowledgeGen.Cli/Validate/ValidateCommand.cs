using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using KnowledgeGen.Generator;
using KnowledgeGen.Generator.Diagnostics;
using KnowledgeGen.Generator.Linking;
using KnowledgeGen.Generator.Model;
using KnowledgeGen.Generator.Reading;

namespace KnowledgeGen.Cli.Validate;

/// <summary>
/// <c>knowledgegen validate &lt;folder&gt;</c>: runs the generator's own reader and linker on every
/// <c>*.kg.yaml</c> under a folder, outside a build, and prints the diagnostics as the compiler does
/// (<c>path(line,col): error KG0007: message</c>). Exit code 1 when there is an error, 0 otherwise.
/// For the CI of repositories that hold only YAML.
/// </summary>
public static class ValidateCommand
{
    /// <summary>Exit code when the pack has errors.</summary>
    public const int HasErrors = 1;

    /// <summary>
    /// Exit code when there is no pack to check: the folder, a file of it, the documents or a reference cannot be read, or the
    /// folder holds no pack file. Not a usage error (<see cref="Program.UsageError"/>): the command line was well formed.
    /// </summary>
    public const int CannotRead = 2;

    /// <summary>Creates the <c>validate</c> command.</summary>
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "The folder whose *.kg.yaml files (searched recursively) make up the pack." };
        var documents = new Option<string?>("--documents")
        {
            Description = "A folder of source documents; each citation's quote is checked against the document (by file name) its source names, as in a build.",
            HelpName = "folder",
        };
        var references = new Option<string[]>("--reference")
        {
            Description = "A compiled fact pack (.dll) the pack is built on, whose ids the YAML may name, as a build knows those of the packs its project references; give it once per pack.",
            HelpName = "pack.dll",
        };
        // An empty folder is a wrong command line (`validate "$UNSET"`), as for every command, not a folder that does not exist.
        folder.Validators.Add(EmptyValue.IsAUsageErrorOf("validate needs the folder that holds the pack's *.kg.yaml files"));
        documents.Validators.Add(EmptyValue.IsAUsageError("--documents needs the folder of the source documents"));
        references.Validators.Add(EmptyValue.IsAUsageError("--reference needs the path of a pack assembly (.dll)"));
        var command = new Command("validate", "Check a folder of YAML pack files with the generator's reader and linker, without building; prints diagnostics as the compiler does and exits 1 on errors.")
        {
            folder, documents, references,
        };
        command.SetAction(result =>
            Run(result.GetValue(folder)!, result.GetValue(documents), result.GetValue(references) ?? Array.Empty<string>(),
                result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>
    /// Validates <paramref name="folder"/> and writes its diagnostics and a summary line to <paramref name="output"/>; a link
    /// to a folder that was not followed (<see cref="PackFolder"/>) is named on <paramref name="error"/>. A folder or file that
    /// cannot be read, or a reference that is no pack assembly, is one line on <paramref name="error"/> and
    /// <see cref="CannotRead"/>; an output that cannot be written throws, for <see cref="Program"/> to end the tool as it
    /// does for every command.
    /// </summary>
    /// <param name="references">The pack assemblies given to <c>--reference</c>, whose entities the YAML may name (<see cref="PackReferences"/>).</param>
    public static int Run(string folder, string? documentsFolder, IReadOnlyList<string> references, TextWriter output, TextWriter error)
    {
        IReadOnlyList<DiagnosticInfo> diagnostics;
        int fileCount;
        PackModel model;
        IReadOnlyList<PackFolder.SkippedLink> skipped;
        try
        {
            if (!Directory.Exists(folder))
                throw new DirectoryNotFoundException(File.Exists(folder)
                    ? $"'{folder}' is {InputFile.Describe(InputFile.KindOf(folder))}; validate takes the folder that holds the pack's *.kg.yaml files."
                    : $"the folder '{folder}' does not exist.");
            if (documentsFolder is not null && !Directory.Exists(documentsFolder))
                throw new DirectoryNotFoundException($"the folder '{documentsFolder}' given to --documents does not exist.");
            // The references are read first: a wrong one stops the command before any of the folder's diagnostics is printed.
            var referenced = references.Count == 0 ? null : PackReferences.Read(references);
            diagnostics = Check(folder, documentsFolder, referenced, out fileCount, out model, out skipped);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            error.WriteLine("knowledgegen: " + e.Message);
            return CannotRead;
        }
        foreach (var link in skipped)
            error.WriteLine($"knowledgegen: skipped '{link.Path}': it links back to '{link.LeadsTo}', whose files are read already.");
        foreach (var diagnostic in diagnostics)
            output.WriteLine(DisplayText.Of(diagnostic.ToString())); // a message quotes the YAML, which may hold an escape
        var errors = diagnostics.Count(d => d.Rule.Severity == RuleSeverity.Error);
        var warnings = diagnostics.Count(d => d.Rule.Severity == RuleSeverity.Warning);
        if (fileCount == 0)
        {
            // Nothing was checked, so nothing passed: as a --documents folder without files, a wrong folder, not a result.
            error.WriteLine($"knowledgegen: the folder '{folder}' holds no *.kg.yaml files, so there is no pack to validate.");
            return CannotRead;
        }
        output.WriteLine($"{Plural(fileCount, "file")}, {Plural(model.Sources.Count, "source")}, {Plural(model.Actors.Count, "actor")}, " +
            $"{Plural(model.Places.Count, "place")}, {Plural(model.Claims.Count, "claim")}: {Plural(errors, "error")}, {Plural(warnings, "warning")}.");
        return errors > 0 ? HasErrors : 0;
    }

    /// <summary>
    /// Reads and links every *.kg.yaml under <paramref name="folder"/>, with the entities of <paramref name="referenced"/> packs
    /// known as a build knows those of the packs its project references; paths are shown relative to the current directory
    /// when the folder was given relative.
    /// </summary>
    public static IReadOnlyList<DiagnosticInfo> Check(string folder, string? documentsFolder, ReferencedPacksModel? referenced, out int fileCount,
        out PackModel model, out IReadOnlyList<PackFolder.SkippedLink> skipped)
    {
        var skippedLinks = new List<PackFolder.SkippedLink>();
        skipped = skippedLinks;
        // One search of the folder: its pack files by the generator's own rule (the suffix, whatever its case), and the other YAML files.
        var found = PackFolder.Files(folder, "*", skippedLinks);
        var paths = found.Where(path => path.EndsWith(KnowledgeGenerator.FileSuffix, StringComparison.OrdinalIgnoreCase)).ToList();
        var files = paths.Select(ReadFile).ToList();
        fileCount = files.Count;
        var documents = documentsFolder is null
            ? Array.Empty<DocumentSpec>()
            : PackFolder.Files(documentsFolder, "*", skippedLinks)
                .Select(f => DocumentSpec.Read(Path.GetFileName(f), InputFile.ReadText(f, out var encoding), encoding, f))
                .ToArray();
        // Documents asked for and none found would check no quote at all, and pass: that is an error of the command line.
        if (documentsFolder is not null && documents.Length == 0)
            throw new IOException($"the folder '{documentsFolder}' given to --documents holds no files, so no quote could be checked.");
        model = PackLinker.Link(files, PackOptions.Default, documents, referenced);
        return model.Diagnostics.Concat(NotRead(found, paths))
            .OrderBy(d => d.FilePath, StringComparer.Ordinal).ThenBy(d => d.Span.StartLine).ThenBy(d => d.Span.StartColumn).ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
    }

    // The other YAML files under the folder (harbour.yaml, harbour.kg.yml), which are no pack files: warned about as the build
    // warns of them in a pack's default folder (KG0032), rather than their facts left out without a word. A file a pack file
    // links to is read through the link, and is not one of them. Links the search for pack files skipped are named once, by it.
    private static IEnumerable<DiagnosticInfo> NotRead(IReadOnlyList<string> found, IReadOnlyList<string> read)
    {
        // A link that leads nowhere or round in a circle is no pack file's: it is named as it is written.
        static string Real(string path)
        {
            try
            {
                return PackFolder.RealFilePath(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Path.GetFullPath(path);
            }
        }

        var readFiles = new HashSet<string>(read.Select(Real), StringComparer.Ordinal);
        return found
            .Where(path => path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Where(path => !readFiles.Contains(Real(path)))
            .Select(path => DiagnosticInfo.Create(DiagnosticRules.FileNotRead, path, SourceSpan.FileStart,
                Path.GetFileName(path), PackFileNames.For(Path.GetFileName(path))));
    }

    // A file that cannot be read (no permission, a broken link, a named pipe or a device rather than a file, more than
    // InputFile.MaxBytes) stops the command with the reason, as a folder that cannot be listed does: a pack checked without
    // one of its files would report every reference to it instead. A file the reader fails on is one diagnostic of its
    // own, as in the build.
    private static FileSpec ReadFile(string path)
    {
        // The encoding goes with the text, so that a file read as UTF-16 for the two bytes of its byte-order mark and whose
        // other bytes are not UTF-16 is KG0026, as in the build, rather than CJK characters.
        var text = InputFile.ReadText(path, out var encoding);
        try
        {
            return PackFileReader.Read(path, text, encoding);
        }
        catch (Exception e)
        {
            var failure = DiagnosticInfo.Create(DiagnosticRules.InternalError, path, SourceSpan.FileStart, e.GetType().Name, e.Message);
            return FileSpec.NothingRead(path, new EquatableArray<DiagnosticInfo>(new[] { failure }));
        }
    }

    private static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
