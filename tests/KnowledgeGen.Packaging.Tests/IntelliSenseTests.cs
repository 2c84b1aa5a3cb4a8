using System.Text.RegularExpressions;
using System.Xml.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Recommendations;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace KnowledgeGen.Packaging.Tests;

/// <summary>
/// What an editor shows a user of the Panjshir package: Roslyn's Recommender over a consumer's compilation
/// that references the packaged assemblies, with documentation read from the package's XML file.
/// </summary>
[Collection(PackagedFeedCollection.Name)]
public sealed class IntelliSenseTests(PackagedFeed feed)
{
    private const string Code = """
        using Panjshir2021;

        class Program
        {
            static void Main()
            {
                var actor = Actors.
            }
        }
        """;

    [Fact]
    public async Task Completions_after_Actors_list_every_actor_with_its_text_from_the_packages_documentation()
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Create(), "Consumer", "Consumer",
            LanguageNames.CSharp, compilationOptions: new CSharpCompilationOptions(OutputKind.ConsoleApplication),
            metadataReferences: Net80.References.All.Cast<MetadataReference>()
                .Append(FromPackage("KnowledgeGen", "KnowledgeGen"))
                .Append(FromPackage("Panjshir2021", "Panjshir2021"))));
        var document = workspace.AddDocument(project.Id, "Program.cs", SourceText.From(Code));
        var position = Code.IndexOf("Actors.", StringComparison.Ordinal) + "Actors.".Length;

        var recommended = (await Recommender.GetRecommendedSymbolsAtPositionAsync(document, position))
            .ToDictionary(s => s.Name, StringComparer.Ordinal);

        var actors = PanjshirYaml.Actors();
        Assert.NotEmpty(actors);
        foreach (var actor in actors)
        {
            Assert.True(recommended.TryGetValue(PanjshirYaml.Member(actor.Id), out var symbol), $"no completion for {actor.Id}");
            var xml = symbol!.GetDocumentationCommentXml();
            Assert.False(string.IsNullOrEmpty(xml), $"no documentation for {actor.Id}");
            var lines = SummaryLines(xml!);
            Assert.StartsWith(Normalize(actor.Name) + " — ", lines[0], StringComparison.Ordinal);
            if (actor.Description is not null)
                Assert.Contains(Normalize(actor.Description), lines);
            Assert.Contains(lines, p => p.EndsWith("id: " + actor.Id, StringComparison.Ordinal));
        }
        // Only actors (and the All list) are offered as the class's own members.
        var own = recommended.Values.Where(s => s.ContainingType?.Name == "Actors").Select(s => s.Name).Order(StringComparer.Ordinal);
        Assert.Equal(actors.Select(a => PanjshirYaml.Member(a.Id)).Append("All").Order(StringComparer.Ordinal), own);
    }

    // A reference as the compiler makes it from a package: the lib/ assembly with the XML file beside it.
    private MetadataReference FromPackage(string id, string assembly)
    {
        var dll = Path.Combine(feed.Extracted(id), "lib", "net8.0", assembly + ".dll");
        var xml = Path.ChangeExtension(dll, ".xml");
        Assert.True(File.Exists(xml), $"the {id} package has no XML documentation file");
        return MetadataReference.CreateFromFile(dll, documentation: XmlDocumentationProvider.CreateFromFile(xml));
    }

    // The summary's lines, as the <br/> elements between them break it.
    private static List<string> SummaryLines(string xml)
    {
        var lines = new List<string> { "" };
        foreach (var node in XElement.Parse(xml).Element("summary")!.Nodes())
        {
            if (node is XElement { Name.LocalName: "br" })
                lines.Add("");
            else
                lines[^1] += node is XElement element ? element.Value : ((XText)node).Value;
        }
        return lines.Select(Normalize).ToList();
    }

    private static string Normalize(string text) => Regex.Replace(text, @"\s+", " ").Trim();
}
