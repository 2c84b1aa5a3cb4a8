using System;
using System.Collections.Immutable;
using System.Linq;
using KnowledgeGen.Generator.Diagnostics;
using KnowledgeGen.Generator.Emitting;
using KnowledgeGen.Generator.Linking;
using KnowledgeGen.Generator.Model;
using KnowledgeGen.Generator.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace KnowledgeGen.Generator;

/// <summary>
/// Compiles a project's *.kg.yaml files into typed C#. The pipeline only wires the stages:
/// Read (per file, cached; the files a run has not read yet are read side by side first, see ReadAhead, and so are outlining,
/// chunking and writing, see WorkAhead) → Outline (per file: no free text, offsets as ranks) → Link (all outlines) → slice →
/// Link each file on its own against its slice (its text put back) → Chunk (a large file's records in runs, each
/// compared on its own) → Emit (each chunk's facts; the first also the file's part of the pack's indexes), plus the
/// pack's shape from the pack-wide link. Models between stages are equatable records, so an
/// edit to a C# file re-runs no YAML step, and rewording a fact re-reads and re-links only its file and re-emits only the
/// generated files whose model changed.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class KnowledgeGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps, for tests that assert what re-ran.</summary>
    public static class Steps
    {
        public const string PackFiles = "KnowledgeGen.PackFiles";
        public const string ReadAhead = "KnowledgeGen.ReadAhead";
        public const string ReadFile = "KnowledgeGen.ReadFile";
        public const string OutlineAhead = "KnowledgeGen.OutlineAhead";
        public const string OutlineFile = "KnowledgeGen.OutlineFile";
        public const string Options = "KnowledgeGen.Options";
        public const string ReadDocument = "KnowledgeGen.ReadDocument";
        public const string LinkPack = "KnowledgeGen.LinkPack";
        public const string ReferencedPacks = "KnowledgeGen.ReferencedPacks";
        public const string SlicePack = "KnowledgeGen.SlicePack";
        public const string ClaimNames = "KnowledgeGen.ClaimNames";
        public const string SliceFiles = "KnowledgeGen.SliceFiles";
        public const string LinkFile = "KnowledgeGen.LinkFile";
        public const string ChunkAhead = "KnowledgeGen.ChunkAhead";
        public const string ChunkFile = "KnowledgeGen.ChunkFile";
        public const string EmitAhead = "KnowledgeGen.EmitAhead";
        public const string PackShape = "KnowledgeGen.PackShape";
    }

    public const string FileSuffix = ".kg.yaml";

    // The per-item steps after reading whose work is much of a full run, done for a run's new items on every core before
    // the step asks for them one at a time, as reading is (WorkAhead, RegisterAhead).
    private static readonly WorkAhead<FileSpec, FileSpec> Outlines = new();
    private static readonly WorkAhead<FileModel, ImmutableArray<FileChunk>> Chunks = new();
    private static readonly WorkAhead<FileChunk, GeneratedFile?> Code = new();

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var packTexts = context.AdditionalTextsProvider
            .Where(static text => text.Path.EndsWith(FileSuffix, StringComparison.OrdinalIgnoreCase))
            .WithTrackingName(Steps.PackFiles);
        // Registered first, so that the driver, which runs the outputs in the order they were registered, reads the files
        // it has not read yet on every core before the Read step below asks for them one at a time (ReadAhead).
        RegisterAhead(context, packTexts.Collect(), static (texts, cancellationToken) => ReadAhead.Run(texts, ReadFile, cancellationToken), Steps.ReadAhead);
        var files = packTexts
            .Select(static (text, cancellationToken) => ReadAhead.Get(text, ReadFile, cancellationToken))
            .WithTrackingName(Steps.ReadFile);

        // A KnowledgeGenFiles pattern the project set that finds no pack file: said, rather than a pack silently missing.
        var unmatchedPattern = packTexts.Collect()
            .Combine(context.AnalyzerConfigOptionsProvider.Select(static (provider, _) => FilesPattern(provider.GlobalOptions)))
            .Select(static (input, _) => input.Left.IsEmpty && input.Right is { } pattern ? pattern : null);
        context.RegisterSourceOutput(unmatchedPattern, static (output, pattern) =>
        {
            if (pattern is not null)
                output.ReportDiagnostic(RoslynDescriptors.ToDiagnostic(
                    DiagnosticInfo.Create(DiagnosticRules.NoPackFiles, "", SourceSpan.FileStart, pattern)));
        });

        // YAML files in the pack's default folder under another name (harbour.yaml, harbour.kg.yml), which the build passes
        // flagged so that they are said to be left out (KG0032), rather than their facts silently missing from the pack.
        var notRead = context.AdditionalTextsProvider
            .Where(static text => !text.Path.EndsWith(FileSuffix, StringComparison.OrdinalIgnoreCase))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => IsFlagged(pair.Right.GetOptions(pair.Left), NotReadMetadata))
            .Select(static (pair, _) => pair.Left.Path);
        context.RegisterSourceOutput(notRead, static (output, path) =>
        {
            var name = System.IO.Path.GetFileName(path);
            output.ReportDiagnostic(RoslynDescriptors.ToDiagnostic(
                DiagnosticInfo.Create(DiagnosticRules.FileNotRead, path, SourceSpan.FileStart, name, Reading.PackFileNames.For(name))));
        });

        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => ReadOptions(provider.GlobalOptions))
            .WithTrackingName(Steps.Options);

        // Source documents (AdditionalFiles with KnowledgeGenDocument="true") for quote verification.
        var documents = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => IsDocument(pair.Right.GetOptions(pair.Left)))
            .Select(static (pair, cancellationToken) => ReadDocument(pair.Left, cancellationToken))
            .WithTrackingName(Steps.ReadDocument);

        // Entities of referenced fact packs, for cross-pack references. Re-read on every compilation, but
        // equal by value, so an edit that changes no referenced pack leaves the YAML steps cached.
        var referenced = context.CompilationProvider
            .Select(static (compilation, cancellationToken) => ReadReferencedPacks(compilation, cancellationToken))
            .WithTrackingName(Steps.ReferencedPacks);

        RegisterAhead(context, files.Collect(), static (specs, cancellationToken) => Outlines.Run(specs, Outline, cancellationToken), Steps.OutlineAhead);
        // The pack-wide link reads outlines: no free text, offsets replaced by their order. Rewording a fact, or typing
        // anywhere within a line, leaves every outline equal, so the pack is not linked again.
        var outlines = files
            .Select(static (file, cancellationToken) => Outlines.Get(file, Outline, cancellationToken))
            .WithTrackingName(Steps.OutlineFile);

        var pack = outlines.Collect()
            .Combine(options)
            .Combine(documents.Collect())
            .Combine(referenced)
            .Select(static (input, cancellationToken) => LinkPack(input.Left.Left.Left, input.Left.Left.Right, input.Left.Right, input.Right, cancellationToken))
            .WithTrackingName(Steps.LinkPack);

        // Each file is then linked on its own against the pack's link (its slice of it), putting back its text and
        // offsets. Every piece compares by value, so an edit links again, re-emits and has the compiler re-parse only
        // the files whose input changed: the edited file, and those showing the name of a claim it renamed.
        var slices = pack
            .Combine(outlines.Collect())
            .Select(static (input, _) => input.Left is null ? null : Slice(input.Left, input.Right))
            .WithTrackingName(Steps.SlicePack);
        var claimNames = files
            .Select(static (file, _) => FileLinker.NamesOf(file))
            .WithTrackingName(Steps.ClaimNames);
        var linkedFiles = files.Collect()
            .Combine(claimNames.Collect())
            .Combine(slices)
            .SelectMany(static (input, _) => input.Right is null ? ImmutableArray<FileInput>.Empty : FileInputs(input.Left.Left, input.Left.Right, input.Right))
            .WithTrackingName(Steps.SliceFiles)
            .Select(static (input, _) => LinkFile(input))
            .WithTrackingName(Steps.LinkFile);
        RegisterAhead(context, linkedFiles.Collect(), static (models, cancellationToken) => Chunks.Run(models, SplitFile, cancellationToken), Steps.ChunkAhead);
        // A large file is emitted in chunks of its records, each compared on its own: rewording one fact re-emits one chunk.
        var chunks = linkedFiles
            .SelectMany(static (file, cancellationToken) => Chunks.Get(file, SplitFile, cancellationToken))
            .WithTrackingName(Steps.ChunkFile);

        // The generated code keeps its facts in UTF-8 literals (C# 11). Under an older language version it could not
        // compile, so nothing is generated and one error (KG0034) says why, rather than a compiler error at every literal.
        var olderLanguage = context.ParseOptionsProvider
            .Select(static (parseOptions, _) => OlderLanguage(parseOptions));
        RegisterAhead(context, chunks.Collect().Combine(olderLanguage),
            static (input, cancellationToken) => input.Right is null ? Code.Run(input.Left, WriteChunk, cancellationToken) : 0, Steps.EmitAhead);
        context.RegisterSourceOutput(chunks.Combine(olderLanguage), static (output, input) => EmitChunk(output, input.Left, generate: input.Right is null));

        var shape = pack
            .Select(static (model, _) => model is null ? null : PackSlicer.Shape(model))
            .WithTrackingName(Steps.PackShape);
        context.RegisterSourceOutput(shape.Combine(olderLanguage), static (output, input) => EmitShape(output, input.Left, input.Right));
    }

    // Work done ahead of a per-item step (ReadAhead, WorkAhead): a step of its own, tracked as `step`, whose value is how many
    // items it did, and an output of its own that does nothing else, so that the driver, which runs the outputs in the order
    // they were registered, runs it before the outputs that ask for the per-item step.
    private static void RegisterAhead<TItems>(IncrementalGeneratorInitializationContext context, IncrementalValueProvider<TItems> items,
        Func<TItems, System.Threading.CancellationToken, int> run, string step) =>
        context.RegisterSourceOutput(items.Select(run).WithTrackingName(step), static (_, _) => { });

    private static FileSpec Outline(FileSpec file, System.Threading.CancellationToken cancellationToken)
    {
        try
        {
            return FileOutline.Of(file);
        }
        catch (Exception e)
        {
            return Failed(file.Path, e); // the pack reports it and generates nothing, as for a file that could not be read
        }
    }

    private static PackSlices Slice(PackModel pack, ImmutableArray<FileSpec> outlines)
    {
        try
        {
            return PackSlicer.Slice(pack, outlines);
        }
        catch (Exception e)
        {
            // Each file reports the error and generates nothing.
            var files = pack.Files.Select((path, ordinal) => new FileModel(path, "", "", pack.Info.Namespace, ordinal, KindParts.For(0, 0, 0, 0),
                EquatableArray<SourceModel>.Empty, EquatableArray<ActorModel>.Empty, EquatableArray<PlaceModel>.Empty, EquatableArray<ClaimModel>.Empty,
                new EquatableArray<DiagnosticInfo>(new[] { Internal(path, e) })));
            var none = new EquatableArray<EquatableArray<int>>(pack.Files.Select(_ => EquatableArray<int>.Empty).ToArray());
            return new PackSlices(files.ToEquatableArray(), none, none);
        }
    }

    private static ImmutableArray<FileInput> FileInputs(ImmutableArray<FileSpec> files, ImmutableArray<ClaimNames> names, PackSlices slices)
    {
        try
        {
            return FileLinker.Inputs(files, names, slices);
        }
        catch (Exception e)
        {
            // Each file then reports the error, and keeps its slice of the pack's link so the generated code still compiles.
            return slices.Files.Select(slice => new FileInput(Failed(slice.Path, e), slice, EquatableArray<string>.Empty)).ToImmutableArray();
        }
    }

    private static FileModel LinkFile(FileInput input)
    {
        try
        {
            return FileLinker.Link(input);
        }
        catch (Exception e)
        {
            return input.Slice with { Diagnostics = new EquatableArray<DiagnosticInfo>(new[] { Internal(input.Spec.Path, e) }) };
        }
    }

    private static FileSpec ReadFile(AdditionalText text, System.Threading.CancellationToken cancellationToken)
    {
        try
        {
            var content = text.GetText(cancellationToken);
            if (content is null) // the compiler gives no text for a binary file, or one it could not open
                return FileSpec.NothingRead(text.Path, new EquatableArray<DiagnosticInfo>(new[]
                    { DiagnosticInfo.Create(DiagnosticRules.NotText, text.Path, SourceSpan.FileStart, NotText.Unreadable) }));
            return PackFileReader.Read(text.Path, content.ToString(), content.Encoding, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e)
        {
            return Failed(text.Path, e);
        }
    }

    public const string DocumentMetadata = "build_metadata.AdditionalFiles.KnowledgeGenDocument";

    /// <summary>The flag the build sets on a YAML file of the pack's default folder that is not named *.kg.yaml (build/KnowledgeGen.targets).</summary>
    public const string NotReadMetadata = "build_metadata.AdditionalFiles.KnowledgeGenNotRead";

    private static bool IsDocument(AnalyzerConfigOptions options) => IsFlagged(options, DocumentMetadata);

    private static bool IsFlagged(AnalyzerConfigOptions options, string metadata) =>
        options.TryGetValue(metadata, out var flag) && string.Equals(flag?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    private static DocumentSpec ReadDocument(AdditionalText text, System.Threading.CancellationToken cancellationToken)
    {
        SourceText? content;
        try
        {
            content = text.GetText(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            content = null; // reported as a document that could not be read (KG0035), rather than each of its quotes as not found
        }
        // The compiler gives no text for a binary file, or one it could not open.
        return DocumentSpec.Read(System.IO.Path.GetFileName(text.Path), content?.ToString(), content?.Encoding, text.Path);
    }

    /// <summary>The default of the KnowledgeGenFiles property (build/KnowledgeGen.props): finding nothing there is no mistake.</summary>
    public const string DefaultFilesPattern = "knowledge/**/*.kg.yaml";

    // The KnowledgeGenFiles pattern when the project set one of its own; null for the default or none.
    private static string? FilesPattern(AnalyzerConfigOptions options) =>
        options.TryGetValue("build_property.KnowledgeGenFiles", out var pattern) && NullIfEmpty(pattern) is { } set
            && !string.Equals(set.Replace('\\', '/'), DefaultFilesPattern, StringComparison.OrdinalIgnoreCase) ? set : null;

    private static PackOptions ReadOptions(AnalyzerConfigOptions options)
    {
        options.TryGetValue("build_property.KnowledgeGenNamespace", out var ns);
        options.TryGetValue("build_property.RootNamespace", out var root);
        return new PackOptions(NullIfEmpty(ns), NullIfEmpty(root));
    }

    private static ReferencedPacksModel ReadReferencedPacks(Compilation compilation, System.Threading.CancellationToken cancellationToken)
    {
        try
        {
            return ReferencedPacks.Read(compilation, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return ReferencedPacksModel.Empty; // an unreadable reference offers no ids; local references still resolve
        }
    }

    private static PackModel? LinkPack(ImmutableArray<FileSpec> files, PackOptions options, ImmutableArray<DocumentSpec> documents,
        ReferencedPacksModel referenced, System.Threading.CancellationToken cancellationToken)
    {
        if (files.IsDefaultOrEmpty)
            return null; // a project without pack files gets nothing generated
        try
        {
            return IncrementalLink.Link(files, options, documents, referenced, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e)
        {
            var first = files.OrderBy(f => f.Path, StringComparer.Ordinal).First();
            var info = new PackInfo("KnowledgePack", "KnowledgePack", "KnowledgePack", "0.0.0", null);
            var empty = EquatableArray<SourceModel>.Empty;
            return new PackModel(info, empty, EquatableArray<ActorModel>.Empty, EquatableArray<PlaceModel>.Empty, EquatableArray<ClaimModel>.Empty,
                new EquatableArray<DiagnosticInfo>(new[] { Internal(first.Path, e) }));
        }
    }

    private static ImmutableArray<FileChunk> SplitFile(FileModel file, System.Threading.CancellationToken cancellationToken)
    {
        try
        {
            return FileChunks.Split(file);
        }
        catch (Exception e)
        {
            // The file reports the error with its own diagnostics, and generates nothing.
            var failed = file.WithoutEntities() with { Diagnostics = new EquatableArray<DiagnosticInfo>(file.Diagnostics.Append(Internal(file.Path, e))) };
            return ImmutableArray.Create(new FileChunk(failed, 0, 1, KindCounts.Zero, EquatableArray<string>.Empty, null, EquatableArray<string>.Empty));
        }
    }

    /// <summary>The first C# version the generated code compiles under (UTF-8 string literals).</summary>
    public const LanguageVersion FirstLanguageVersion = LanguageVersion.CSharp11;

    // The project's C# version when it is older than the generated code needs; null when the code compiles under it.
    private static string? OlderLanguage(ParseOptions parseOptions) =>
        parseOptions is CSharpParseOptions csharp && csharp.LanguageVersion < FirstLanguageVersion ? csharp.LanguageVersion.ToDisplayString() : null;

    private static void EmitChunk(SourceProductionContext output, FileChunk chunk, bool generate) =>
        Emit(output, chunk.File.Path, chunk.File.Diagnostics,
            () => generate && Code.Get(chunk, WriteChunk, output.CancellationToken) is { } generated ? new[] { generated } : Array.Empty<GeneratedFile>());

    // A chunk's code; what it throws is reported by EmitChunk.
    private static GeneratedFile? WriteChunk(FileChunk chunk, System.Threading.CancellationToken cancellationToken) => PackEmitter.EmitChunk(chunk);

    private static void EmitShape(SourceProductionContext output, PackShape? shape, string? olderLanguage)
    {
        if (shape is null)
            return;
        // Said once, with the pack: a project without pack files is not concerned by its language version. It stands in no file.
        if (olderLanguage is not null)
            output.ReportDiagnostic(RoslynDescriptors.ToDiagnostic(
                DiagnosticInfo.Create(DiagnosticRules.LanguageVersionTooLow, "", SourceSpan.FileStart, olderLanguage)));
        Emit(output, "", shape.Diagnostics, () => shape.Failed || olderLanguage is not null ? Array.Empty<GeneratedFile>() : PackEmitter.EmitShape(shape));
    }

    // An error while writing a YAML file's code is reported at that file (path), one in the pack-wide files at none.
    private static void Emit(SourceProductionContext output, string path, EquatableArray<DiagnosticInfo> diagnostics, Func<System.Collections.Generic.IReadOnlyList<GeneratedFile>> emit)
    {
        try
        {
            foreach (var diagnostic in diagnostics)
                output.ReportDiagnostic(RoslynDescriptors.ToDiagnostic(diagnostic));
            foreach (var file in emit())
                output.AddSource(file.HintName, SourceText.From(file.Text, System.Text.Encoding.UTF8));
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e)
        {
            output.ReportDiagnostic(RoslynDescriptors.ToDiagnostic(Internal(path, e)));
        }
    }

    private static FileSpec Failed(string path, Exception e) =>
        FileSpec.NothingRead(path, new EquatableArray<DiagnosticInfo>(new[] { Internal(path, e) }));

    private static DiagnosticInfo Internal(string path, Exception e) =>
        DiagnosticInfo.Create(DiagnosticRules.InternalError, path, SourceSpan.FileStart, e.GetType().Name, e.Message);

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
}
