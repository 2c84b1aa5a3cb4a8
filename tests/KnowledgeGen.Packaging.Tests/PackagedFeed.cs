using System.IO.Compression;
using Xunit;

namespace KnowledgeGen.Packaging.Tests;

/// <summary>
/// Packs KnowledgeGen and Panjshir2021 once into a temporary folder feed, with a version no earlier run
/// used, and creates consumer projects beside it. Consumers restore into their own package folder, so a
/// package cached by another run can never stand in for the one just packed.
/// </summary>
public sealed class PackagedFeed : IDisposable
{
    public PackagedFeed()
    {
        Root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "knowledgegen-e2e-" + Guid.NewGuid().ToString("N")[..12]);
        Feed = System.IO.Path.Combine(Root, "feed");
        Packages = System.IO.Path.Combine(Root, "packages");
        Version = "0.1.0-e2e." + DateTime.UtcNow.Ticks;
        Directory.CreateDirectory(Feed);

        // Built outside the repository's bin/ and obj/ (artifacts path), so packing never disturbs a build there.
        var artifacts = System.IO.Path.Combine(Root, "artifacts");
        foreach (var project in new[] { "src/Panjshir2021/Panjshir2021.csproj", "src/KnowledgeGen/KnowledgeGen.csproj" })
            Dotnet.Run(Repository.Root, null, "pack", Repository.Path(project), "-c", "Release", "--artifacts-path", artifacts,
                "-o", Feed, "-p:Version=" + Version, "-nodeReuse:false").Succeeded();

        // The feed in addition to the machine's sources: consumers may need other packages too.
        File.WriteAllText(System.IO.Path.Combine(Root, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="knowledgegen-e2e" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
    }

    public string Root { get; }
    public string Feed { get; }
    public string Packages { get; }
    public string Version { get; }

    public string Package(string id) => System.IO.Path.Combine(Feed, $"{id}.{Version}.nupkg");

    /// <summary>The package's files, extracted once into a folder of their own.</summary>
    public string Extracted(string id)
    {
        var folder = System.IO.Path.Combine(Root, "extracted", id);
        lock (this)
        {
            if (!Directory.Exists(folder))
                ZipFile.ExtractToDirectory(Package(id), folder);
        }
        return folder;
    }

    private IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["NUGET_PACKAGES"] = Packages };

    /// <summary>Runs dotnet in a consumer folder, with the consumers' own package folder.</summary>
    public CommandResult Run(string folder, params string[] arguments) => Dotnet.Run(folder, Environment, arguments);

    /// <summary>A fresh project from a dotnet new template, referencing the given packages of the feed.</summary>
    public string NewProject(string name, string template, params string[] packages)
    {
        var folder = System.IO.Path.Combine(Root, name);
        Directory.CreateDirectory(folder);
        Run(folder, "new", template, "--framework", "net10.0", "--name", name, "--output", folder, "--no-restore").Succeeded();
        foreach (var package in packages)
            Run(folder, "add", "package", package, "--version", Version, "--no-restore").Succeeded();
        return folder;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open leaves the folder behind in the temp directory; nothing else depends on it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PackagedFeedCollection : ICollectionFixture<PackagedFeed>
{
    public const string Name = "Packaged feed";
}
