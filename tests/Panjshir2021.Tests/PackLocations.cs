namespace Panjshir2021.Tests;

/// <summary>Where the pack's YAML and the five reports are, found from the repository root.</summary>
internal static class PackLocations
{
    public static readonly string RepoRoot = KnowledgeGen.Testing.RepositoryRoot.Get();

    public static string KnowledgeFolder => Path.Combine(RepoRoot, "knowledge", "panjshir-2021");

    /// <summary>
    /// The reports live beside the repository (../shared/seeds), never in it. A git worktree nested deeper
    /// (../wt/name) finds them in the nearest folder above the repository that holds shared/seeds.
    /// </summary>
    public static string ReportsFolder => FindReportsFolder();

    private static string FindReportsFolder()
    {
        var beside = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "seeds"));
        for (var dir = new DirectoryInfo(RepoRoot).Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "seeds");
            if (Directory.Exists(candidate))
                return candidate;
        }
        return beside;
    }

    public static IReadOnlyList<string> ReportFiles => Directory.GetFiles(ReportsFolder, "*.txt").OrderBy(f => f, StringComparer.Ordinal).ToList();
}
