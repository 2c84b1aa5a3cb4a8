using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace KnowledgeGen.Benchmarks;

// What a user without KnowledgeGen would write: plain classes, and YamlDotNet's deserializer over every
// file at run time. Dates are a scalar or a map, so they stay objects.

public sealed class PackFile
{
    public PackManifest? Pack { get; set; }
    public List<SourceEntry>? Sources { get; set; }
    public List<ActorEntry>? Actors { get; set; }
    public List<PlaceEntry>? Places { get; set; }
    public List<ClaimEntry>? Claims { get; set; }
}

public sealed class PackManifest
{
    public string? Name { get; set; }
    public string? Namespace { get; set; }
    public string? Title { get; set; }
    public string? Version { get; set; }
    public string? Description { get; set; }
}

public abstract class Entry
{
    public string Id { get; set; } = "";
    public string? Name { get; set; }
    public List<string>? Aliases { get; set; }
    public string? Note { get; set; }
}

public sealed class SourceEntry : Entry
{
    public string? Kind { get; set; }
    public string? Outlet { get; set; }
    public string? Author { get; set; }
    public string? Language { get; set; }
    public string? TranslatedFrom { get; set; }
    public object? Published { get; set; }
    public string? Document { get; set; }
    public string? Url { get; set; }
    public List<string>? Relays { get; set; }
}

public sealed class RoleEntry
{
    public string? Title { get; set; }
    public string? Of { get; set; }
    public bool Former { get; set; }
    public string? Note { get; set; }
}

public sealed class ActorEntry : Entry
{
    public string? Kind { get; set; }
    public bool Anonymous { get; set; }
    public string? Description { get; set; }
    public List<RoleEntry>? Roles { get; set; }
}

public sealed class PlaceEntry : Entry
{
    public string? Kind { get; set; }
    public string? In { get; set; }
}

public sealed class QuantityEntry
{
    public decimal? Value { get; set; }
    public decimal? Min { get; set; }
    public decimal? Max { get; set; }
    public string? Unit { get; set; }
    public bool Approximate { get; set; }
}

public sealed class CitationEntry
{
    public string? Source { get; set; }
    public string? Quote { get; set; }
    public string? Via { get; set; }
}

public sealed class ClaimEntry : Entry
{
    public string? Statement { get; set; }
    public string? Claimant { get; set; }
    public List<string>? About { get; set; }
    public object? Date { get; set; }
    public string? Status { get; set; }
    public QuantityEntry? Quantity { get; set; }
    public List<CitationEntry>? Citations { get; set; }
    public List<string>? Contradicts { get; set; }
    public List<string>? Supports { get; set; }
}

public static class YamlBaseline
{
    /// <summary>Every file of the folder deserialized, then the facts gathered in lists and a dictionary by id.</summary>
    public static (List<PackFile> Files, Dictionary<string, Entry> ById) Load(string folder)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(HyphenatedNamingConvention.Instance).Build();
        var files = new List<PackFile>();
        var byId = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var path in Directory.GetFiles(folder, "*.kg.yaml", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
        {
            using var reader = new StreamReader(path);
            var file = deserializer.Deserialize<PackFile>(reader) ?? new PackFile(); // a file with no document in it (a small pack's spare file)
            files.Add(file);
            foreach (var entry in Entries(file))
                byId[entry.Id] = entry;
        }
        return (files, byId);
    }

    /// <summary>One file's text deserialized, as <see cref="Load"/> reads each file.</summary>
    public static PackFile Parse(string yaml) =>
        new DeserializerBuilder().WithNamingConvention(HyphenatedNamingConvention.Instance).Build().Deserialize<PackFile>(yaml);

    public static IEnumerable<Entry> Entries(PackFile file) =>
        (file.Sources ?? new()).Cast<Entry>().Concat(file.Actors ?? new()).Concat(file.Places ?? new()).Concat(file.Claims ?? new());
}
