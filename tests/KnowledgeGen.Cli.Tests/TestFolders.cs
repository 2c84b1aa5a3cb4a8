namespace KnowledgeGen.Cli.Tests;

/// <summary>The folders the tests read: the repository, the copied fixtures, and a scratch copy of the starter pack.</summary>
internal static class TestFolders
{
    public static string RepoRoot() => KnowledgeGen.Testing.RepositoryRoot.Get();

    /// <summary>A fixture folder as the build copies it beside the tests (tests/KnowledgeGen.Testing/Fixtures).</summary>
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>Runs <paramref name="check"/> on a copy of the starter fixture in a temporary folder, removed afterwards.</summary>
    public static void InCopyOfStarter(Action<string> check)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "knowledgegen-starter-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            foreach (var file in Directory.GetFiles(Fixture("starter")))
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            check(folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
