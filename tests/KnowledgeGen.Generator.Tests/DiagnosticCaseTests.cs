using KnowledgeGen.Testing;
using Xunit;

namespace KnowledgeGen.Generator.Tests;

/// <summary>
/// One case of the diagnostic catalog per fixture folder (Fixtures/diagnostics/&lt;case&gt;), each pinned
/// by a snapshot that shows every diagnostic under the YAML line it points at. Every case must also
/// leave the generator sound: no internal error, locations inside their files, output that compiles.
/// A case whose folder holds <c>references.txt</c> with the line <c>starter</c> is built on the compiled starter pack.
/// </summary>
public class DiagnosticCaseTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        var folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "diagnostics");
        foreach (var path in Directory.GetDirectories(folder).OrderBy(p => p, StringComparer.Ordinal))
            data.Add(Path.GetFileName(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_reports_the_verified_diagnostics_at_the_offending_yaml(string name)
    {
        var files = GeneratorHarness.Fixture("diagnostics/" + name);

        var run = BuiltOnStarter(name)
            ? GeneratorHarness.Run(GeneratorHarness.CreateDriver(files.Select(f => (Microsoft.CodeAnalysis.AdditionalText)new InMemoryAdditionalText(f.Path, f.Text))),
                CrossPackTests.Consumer())
            : GeneratorHarness.Run(files);

        Snapshot.Match(DiagnosticReport.Format(run.GeneratorDiagnostics, files), "Diagnostics." + name);
        GeneratorAssert.Sound(run, files);
    }

    private static bool BuiltOnStarter(string name)
    {
        var references = Path.Combine(AppContext.BaseDirectory, "Fixtures", "diagnostics", name, "references.txt");
        if (!File.Exists(references))
            return false;
        Assert.Equal(new[] { "starter" }, File.ReadAllLines(references).Where(l => l.Trim().Length > 0).Select(l => l.Trim()));
        return true;
    }
}
