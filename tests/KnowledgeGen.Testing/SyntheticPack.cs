using System.Globalization;
using System.Text;

namespace KnowledgeGen.Testing;

/// <summary>
/// Writes packs of a chosen size in the real YAML format, for benchmarks and scale tests. Deterministic:
/// the same (facts, files, seed) always gives the same bytes. About a tenth of the facts are sources,
/// actors and places; the rest are claims that cite sources, name claimants, are about actors and places
/// in other files, support and contradict earlier claims, and carry aliases, quoted text, dates and quantities.
/// </summary>
public static class SyntheticPack
{
    public const string Namespace = "Synthetic.Facts";

    private static readonly string[] Words =
    {
        "valley", "district", "fighters", "convoy", "checkpoint", "ceasefire", "talks", "pass", "resistance", "spokesperson",
        "reported", "captured", "withdrew", "surrounded", "negotiated", "denied", "announced", "claimed", "river", "road",
    };

    private static readonly string[] SourceKinds = { "news-report", "broadcast", "interview", "audio-message", "statement" };
    private static readonly string[] ActorKinds = { "person", "organisation", "media", "group" };
    private static readonly string[] PlaceKinds = { "province", "valley", "district", "village", "pass" };
    private static readonly string[] Statuses = { "reported", "unverified", "disputed", "denied", "corroborated" };

    /// <summary>How many facts of each kind a pack of <paramref name="facts"/> facts holds.</summary>
    public static (int Sources, int Actors, int Places, int Claims) Counts(int facts)
    {
        var each = Math.Max(1, facts / 30);
        return (each, each, each, Math.Max(1, facts - 3 * each));
    }

    /// <summary>The pack's files (path → YAML text); file 0 also holds the manifest.</summary>
    public static List<(string Path, string Text)> Create(int facts, int files, int seed = 2021, string root = "/synthetic")
    {
        if (facts < 4 || files < 1)
            throw new ArgumentOutOfRangeException(nameof(facts), "a synthetic pack has at least 4 facts and 1 file");
        var random = new Random(seed);
        var (sources, actors, places, claims) = Counts(facts);
        var builders = Enumerable.Range(0, files).Select(_ => new StringBuilder()).ToArray();
        builders[0].Append("pack:\n  name: Synthetic\n  namespace: ").Append(Namespace)
            .Append("\n  title: A synthetic pack\n  version: 1.0.0\n  description: \"")
            .Append(facts.ToString(CultureInfo.InvariantCulture)).Append(" generated facts\"\n\n");

        // Each kind is spread over every file, so references cross files.
        Section(builders, "sources", sources, i => Source(i, sources, actors, random));
        Section(builders, "actors", actors, i => Actor(i, actors, places, random));
        Section(builders, "places", places, i => Place(i, random));
        Section(builders, "claims", claims, i => Claim(i, sources, actors, places, random));

        return builders.Select((b, i) => (PathOf(root, i), b.ToString())).ToList();
    }

    /// <summary>The path of file <paramref name="index"/>: files are spread over a few folders, some sharing a name.</summary>
    public static string PathOf(string root, int index) =>
        $"{root}/part{index % 4}/facts-{index / 4:D4}.kg.yaml";

    /// <summary>A curator's edit: the first claim statement of the file reworded, nothing else changed.</summary>
    public static string EditStatement(string text, int revision)
    {
        const string marker = "    statement: \"";
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
            throw new ArgumentException("the file holds no claim", nameof(text));
        at += marker.Length;
        return text.Insert(at, $"(revised {revision}) ");
    }

    /// <summary>
    /// The file with a comment line put before its claims (the revision in it): every claim moves down a line and
    /// nothing else changes, as when a curator adds a blank line or a comment.
    /// </summary>
    public static string AddCommentLine(string text, int revision)
    {
        return text.Insert(ClaimsLine(text), $"# revision {revision}\n");
    }

    // Where the line "claims:" starts (the first line of a file that holds only claims).
    private static int ClaimsLine(string text)
    {
        const string line = "claims:\n";
        if (text.StartsWith(line, StringComparison.Ordinal))
            return 0;
        var at = text.IndexOf("\n" + line, StringComparison.Ordinal);
        return at >= 0 ? at + 1 : throw new ArgumentException("the file holds no claims", nameof(text));
    }

    /// <summary>
    /// The file with one more claim at the end of its claims: a copy of its first claim (without its aliases, which
    /// would be the first claim's too) under the id <c>added-claim-{revision}</c>.
    /// </summary>
    public static string AddClaim(string text, int revision)
    {
        var start = ClaimsLine(text) + "claims:\n".Length;
        var next = text.IndexOf("\n  - ", start, StringComparison.Ordinal);
        var end = text.IndexOf("\n\n", start, StringComparison.Ordinal);
        if (end < 0)
            end = text.Length;
        var first = text.Substring(start, (next < 0 || next > end ? end : next + 1) - start).Split('\n');
        var copy = new StringBuilder("  - id: added-claim-").Append(revision).Append('\n');
        foreach (var line in first.Skip(1).Where(l => l.Length > 0 && !l.StartsWith("    aliases:", StringComparison.Ordinal)))
            copy.Append(line).Append('\n');
        return text.Insert(end == text.Length ? end : end + 1, copy.ToString());
    }

    private static void Section(StringBuilder[] files, string key, int count, Func<int, string> entity)
    {
        var started = new bool[files.Length];
        for (var i = 0; i < count; i++)
        {
            var file = i % files.Length;
            if (!started[file])
            {
                files[file].Append(key).Append(":\n");
                started[file] = true;
            }
            files[file].Append(entity(i));
        }
        foreach (var (file, i) in files.Select((f, i) => (f, i)))
            if (started[i])
                file.Append('\n');
    }

    private static string Id(string kind, int i) => $"{kind}-{i:D6}";

    private static string Sentence(Random random, int words) =>
        string.Join(" ", Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)]));

    private static string Date(Random random)
    {
        var day = 1 + random.Next(28);
        var month = 1 + random.Next(12);
        return random.Next(5) switch
        {
            0 => $"2021-{month:D2}",
            1 => "2021",
            2 => $"{{ date: 2021-{month:D2}-{day:D2}, precision: approximate }}",
            _ => $"2021-{month:D2}-{day:D2}",
        };
    }

    private static string Source(int i, int sources, int actors, Random random)
    {
        var b = new StringBuilder();
        b.Append("  - id: ").Append(Id("source", i)).Append('\n');
        b.Append("    name: \"Report ").Append(i).Append(": ").Append(Sentence(random, 5)).Append("\"\n");
        if (i % 3 == 0)
            b.Append("    aliases: [Report no. ").Append(i).Append("]\n");
        b.Append("    kind: ").Append(SourceKinds[i % SourceKinds.Length]).Append('\n');
        b.Append("    outlet: ").Append(Id("actor", random.Next(actors))).Append('\n');
        b.Append("    language: en\n");
        b.Append("    published: ").Append(Date(random)).Append('\n');
        b.Append("    url: https://example.org/reports/").Append(i).Append('\n');
        if (i > 0 && i % 4 == 0)
            b.Append("    relays: [").Append(Id("source", random.Next(i))).Append("]\n");
        return b.ToString();
    }

    private static string Actor(int i, int actors, int places, Random random)
    {
        var b = new StringBuilder();
        b.Append("  - id: ").Append(Id("actor", i)).Append('\n');
        b.Append("    name: Actor ").Append(i).Append('\n');
        if (i % 2 == 0)
            b.Append("    aliases: [A").Append(i).Append(", \"The ").Append(i).Append("th\"]\n");
        b.Append("    kind: ").Append(ActorKinds[i % ActorKinds.Length]).Append('\n');
        b.Append("    description: ").Append(Sentence(random, 6)).Append('\n');
        if (i % 3 == 0)
            b.Append("    roles:\n      - { title: spokesperson, of: ").Append(Id("actor", random.Next(actors))).Append(" }\n")
                .Append("      - { title: resident, of: ").Append(Id("place", random.Next(places))).Append(", former: true }\n");
        return b.ToString();
    }

    private static string Place(int i, Random random)
    {
        var b = new StringBuilder();
        b.Append("  - id: ").Append(Id("place", i)).Append('\n');
        b.Append("    name: Place ").Append(i).Append('\n');
        if (i % 2 == 1)
            b.Append("    aliases: [P").Append(i).Append("]\n");
        b.Append("    kind: ").Append(PlaceKinds[i % PlaceKinds.Length]).Append('\n');
        if (i > 0)
            b.Append("    in: ").Append(Id("place", random.Next(i))).Append('\n'); // an earlier place: no cycles
        return b.ToString();
    }

    private static string Claim(int i, int sources, int actors, int places, Random random)
    {
        var b = new StringBuilder();
        b.Append("  - id: ").Append(Id("claim", i)).Append('\n');
        b.Append("    statement: \"Claim ").Append(i).Append(": the ").Append(Sentence(random, 8)).Append(".\"\n");
        if (i % 5 == 0)
            b.Append("    aliases: [Claim no. ").Append(i).Append("]\n");
        b.Append("    claimant: ").Append(Id("actor", random.Next(actors))).Append('\n');
        b.Append("    about: [").Append(Id("place", random.Next(places))).Append(", ").Append(Id("actor", random.Next(actors))).Append("]\n");
        b.Append("    date: ").Append(Date(random)).Append('\n');
        b.Append("    status: ").Append(Statuses[i % Statuses.Length]).Append('\n');
        switch (i % 4)
        {
            case 0:
                b.Append("    quantity: { value: ").Append(random.Next(1, 500)).Append(", unit: fighters killed }\n");
                break;
            case 1:
                var min = random.Next(1, 50);
                b.Append("    quantity: { min: ").Append(min).Append(", max: ").Append(min + random.Next(1, 20)).Append(".5, unit: days, approximate: true }\n");
                break;
        }
        b.Append("    citations:\n");
        var source = random.Next(sources);
        b.Append("      - source: ").Append(Id("source", source)).Append('\n');
        b.Append("        quote: \"He said \\\"the ").Append(Sentence(random, 6)).Append("\\\" on ").Append(i).Append(" occasions\"\n");
        if (i % 3 == 0)
        {
            b.Append("      - source: ").Append(Id("source", random.Next(sources))).Append('\n');
            b.Append("        quote: '").Append(Sentence(random, 7)).Append(" ''quoted'''\n");
            if (source > 0)
                b.Append("        via: ").Append(Id("source", random.Next(source))).Append('\n');
        }
        if (i > 0 && i % 7 == 0)
            b.Append("    contradicts: [").Append(Id("claim", random.Next(i))).Append("]\n");
        if (i > 0 && i % 5 == 2)
            b.Append("    supports: [").Append(Id("claim", random.Next(i))).Append("]\n");
        return b.ToString();
    }
}
