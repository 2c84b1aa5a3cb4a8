using YamlDotNet.RepresentationModel;

namespace KnowledgeGen.Packaging.Tests;

/// <summary>An actor as the Panjshir pack's YAML writes it.</summary>
public sealed record YamlActor(string Id, string Name, string? Description);

/// <summary>Reads the Panjshir pack's YAML, so expectations follow the curated text rather than a copy of it.</summary>
public static class PanjshirYaml
{
    public static readonly string Folder = Repository.Path("knowledge", "panjshir-2021");

    public static IReadOnlyList<YamlActor> Actors() =>
        Lists("actors").Select(a => new YamlActor(Text(a, "id")!, Text(a, "name")!, Text(a, "description"))).ToList();

    public static string PackTitle() =>
        Documents().Select(d => d.Children.TryGetValue(new YamlScalarNode("pack"), out var pack) ? Text((YamlMappingNode)pack, "title") : null)
            .Single(t => t is not null)!;

    /// <summary>The C# member the generator makes of an id: PascalCase words.</summary>
    public static string Member(string id)
    {
        var member = string.Concat(id.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        return char.IsDigit(member[0]) ? "_" + member : member;
    }

    private static IEnumerable<YamlMappingNode> Lists(string name) =>
        Documents().SelectMany(d => d.Children.TryGetValue(new YamlScalarNode(name), out var list)
            ? ((YamlSequenceNode)list).Children.Cast<YamlMappingNode>()
            : Enumerable.Empty<YamlMappingNode>());

    private static IEnumerable<YamlMappingNode> Documents()
    {
        foreach (var file in Directory.GetFiles(Folder, "*.kg.yaml").OrderBy(f => f, StringComparer.Ordinal))
        {
            var stream = new YamlStream();
            using var reader = new StreamReader(file);
            stream.Load(reader);
            foreach (var document in stream.Documents)
                if (document.RootNode is YamlMappingNode map)
                    yield return map;
        }
    }

    private static string? Text(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;
}
