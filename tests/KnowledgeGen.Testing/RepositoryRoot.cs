namespace KnowledgeGen.Testing;

/// <summary>The repository the tests and the benchmark run from: the nearest folder above their binaries that holds KnowledgeGen.sln.</summary>
public static class RepositoryRoot
{
    /// <summary>The repository's folder; null when the binaries run outside it.</summary>
    public static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "KnowledgeGen.sln")))
                return dir.FullName;
        return null;
    }

    /// <summary>The repository's folder; throws when the binaries run outside it.</summary>
    public static string Get() =>
        Find() ?? throw new InvalidOperationException("The tests run outside the repository: KnowledgeGen.sln was not found above " + AppContext.BaseDirectory);
}
