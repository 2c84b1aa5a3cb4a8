using System.Diagnostics;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;

namespace KnowledgeGen.Benchmarks;

/// <summary>
/// The KnowledgeGen library the typed children (e) load beside the pack. On the platforms the package ships a copy
/// compiled ahead of time for (ReadyToRun, <c>runtimes/&lt;platform&gt;/lib/&lt;tfm&gt;/</c>), an application gets that
/// copy, so the benchmark publishes the library the same way the package's build does (src/KnowledgeGen's
/// build/KnowledgeGen.ReadyToRun.targets: Publish with the platform, framework-dependent, ReadyToRun) and the children run from a copy of the
/// benchmark's folder with that library in it, as an application has it beside it. Elsewhere, or with
/// <c>--runtime il</c>, they run from the benchmark's own folder, with the IL this repository builds, which the JIT compiles.
/// With the precompiled library they also run the pack precompiled, as a fact pack's package ships it (<see cref="PackImage"/>).
/// </summary>
/// <param name="Folder">Where the children run from.</param>
/// <param name="Path">The KnowledgeGen library they load from there.</param>
/// <param name="Pack">What compiles each size's pack ahead of time; null where the children run the pack as IL.</param>
public sealed record ChildRuntime(string Folder, string Path, string Description, PackImage? Pack = null)
{
    public const string ReadyToRun = "readytorun";
    public const string Il = "il";

    /// <summary>The library as the benchmark itself references it: IL.</summary>
    public static ChildRuntime BuiltIl(string why) =>
        new(AppContext.BaseDirectory, typeof(KnowledgePack).Assembly.Location, "the KnowledgeGen library and the pack as IL, compiled by the JIT" + why);

    /// <summary>
    /// Publishes the library ReadyToRun for this platform into <paramref name="folder"/>, as the package ships it, and
    /// restores the project that precompiles each pack the same way, or says why the children run the IL instead. Takes
    /// some ten seconds (builds of their own, apart from the solution's output: their own artifacts folder, so that they
    /// restore and write nothing a build beside them uses).
    /// </summary>
    public static ChildRuntime Prepare(string folder, TextWriter log)
    {
        var platform = RuntimeInformation.RuntimeIdentifier;
        var project = FindProject();
        if (project is null)
            return BuiltIl(" (src/KnowledgeGen/KnowledgeGen.csproj was not found above the benchmark's folder, so no ReadyToRun copy could be published)");

        var shipped = Dotnet(folder, "msbuild", project, "-getProperty:KnowledgeGenReadyToRunPlatforms", "-nologo");
        if (shipped.ExitCode != 0)
            return BuiltIl($" (the package's platforms could not be read: {FirstLine(shipped.Output)})");
        if (!shipped.Output.Trim().Split(';').Contains(platform, StringComparer.Ordinal))
            return BuiltIl($" (the package ships no ReadyToRun copy for {platform}, only for {shipped.Output.Trim()})");

        // The children run on the benchmark's own framework, and a copy is used only on the .NET it was compiled against.
        var framework = "net" + Environment.Version.ToString(2);
        var output = System.IO.Path.Combine(folder, "runtime");
        var artifacts = System.IO.Path.Combine(folder, "artifacts");
        log.WriteLine($"# publishing the KnowledgeGen library ReadyToRun for {platform} ({framework}), as the package ships it");
        var publish = Dotnet(folder, "publish", project, "-c", "Release", "-f", framework, "-r", platform, "--self-contained", "false",
            "-p:PublishReadyToRun=true", "-p:DisableTransitiveFrameworkReferenceDownloads=true",
            "--artifacts-path", artifacts, "-o", output, "--disable-build-servers", "-nologo", "-v:q");
        var published = System.IO.Path.Combine(output, "KnowledgeGen.dll");
        if (publish.ExitCode != 0 || !File.Exists(published))
            return BuiltIl($" (publishing the library ReadyToRun for {platform} failed: {FirstLine(publish.Output)})");
        if (!IsReadyToRun(published))
            return BuiltIl($" (the library published for {platform} holds no ReadyToRun code)");

        // Not a second load context beside the default one: a pack loaded in a context of its own took some 14 ms longer
        // to a first access (resolving its references through the context), more than the precompiled library gains.
        var app = System.IO.Path.Combine(folder, "app");
        CopyFolder(AppContext.BaseDirectory, app);
        var library = System.IO.Path.Combine(app, "KnowledgeGen.dll");
        File.Copy(published, library, overwrite: true);
        // A fact pack's package ships the pack precompiled for the same platforms as the library's, so the pack runs so too.
        var (pack, why) = PackImage.Prepare(folder, platform, framework, artifacts);
        return pack is null
            ? new ChildRuntime(app, library, $"the KnowledgeGen library compiled ahead of time (ReadyToRun) for {platform}, as the package ships it, and the pack as IL, compiled by the JIT ({why})")
            : new ChildRuntime(app, library, $"the KnowledgeGen library and the pack compiled ahead of time (ReadyToRun) for {platform}, as the packages ship them", pack);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(from, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>Whether the assembly carries code compiled ahead of time: a ReadyToRun image has a managed native header.</summary>
    public static bool IsReadyToRun(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        return pe.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0;
    }

    private static string? FindProject() =>
        Testing.RepositoryRoot.Find() is { } root && System.IO.Path.Combine(root, "src", "KnowledgeGen", "KnowledgeGen.csproj") is var project
        && File.Exists(project) ? project : null;

    internal static string FirstLine(string text) =>
        text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))
        ?? text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "no output";

    internal static (int ExitCode, string Output) Dotnet(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(Child.DotnetHost())
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory,
        };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        // A build of its own: not the test host's MSBuild environment (dotnet test sets some), and no build server or
        // node left running after it (--disable-build-servers below), which would hold the caller's output open.
        foreach (var name in new[] { "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath" })
            start.Environment.Remove(name);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }
}
