namespace KnowledgeGen.Packaging.Tests;

/// <summary>The repository the tests run from: the nearest folder above the test binaries that holds KnowledgeGen.sln.</summary>
public static class Repository
{
    public static readonly string Root = Find();

    public static string Path(params string[] parts) => System.IO.Path.Combine(new[] { Root }.Concat(parts).ToArray());

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "KnowledgeGen.sln")))
                return folder.FullName;
        throw new InvalidOperationException("No KnowledgeGen.sln above " + AppContext.BaseDirectory);
    }
}
