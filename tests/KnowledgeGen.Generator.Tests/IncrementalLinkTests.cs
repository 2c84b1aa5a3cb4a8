using KnowledgeGen.Generator.Linking;
using KnowledgeGen.Generator.Model;
using KnowledgeGen.Generator.Reading;
using KnowledgeGen.Testing;
using Xunit;

namespace KnowledgeGen.Generator.Tests;

/// <summary>
/// The pack-wide link updated edit by edit (<see cref="IncrementalLink"/>) must give, after every edit, the model that
/// linking the whole pack gives: claims put in, taken out, moved, re-pointed and renamed, with their counts and reverse
/// links in other files. The edits the update handles must be updated, not linked whole; the rest (another kind of entity
/// changed, anything reported) must fall back to the whole link and still agree, and the update must resume once the
/// pack has nothing to report again.
/// </summary>
public class IncrementalLinkTests
{
    private enum Expect { Update, Whole, Either }

    private static readonly PackOptions Options = PackOptions.Default;
    private static readonly DocumentSpec[] NoDocuments = Array.Empty<DocumentSpec>();

    // The pack linked as the pipeline links it (updating a kept link when it can), and linked whole.
    private static PackModel Link(IReadOnlyList<FileSpec> outlines, out bool updated) =>
        IncrementalLink.Link(outlines.ToList(), Options, NoDocuments, null, out updated);

    private static PackModel Whole(IReadOnlyList<FileSpec> outlines) => PackLinker.LinkOutlines(outlines, Options, NoDocuments, null);

    private delegate string? Edit(Pack pack, int file, Random random);

    private sealed class Pack
    {
        public Pack(List<(string Path, string Text)> files)
        {
            Texts = files.Select(f => f.Text).ToList();
            Paths = files.Select(f => f.Path).ToList();
            Outlines = files.Select(f => FileOutline.Of(PackFileReader.Read(f.Path, f.Text))).ToList();
        }

        public List<string> Paths { get; }
        public List<string> Texts { get; }
        public List<FileSpec> Outlines { get; }

        public void Replace(int file, string text)
        {
            Texts[file] = text;
            Outlines[file] = FileOutline.Of(PackFileReader.Read(Paths[file], text));
        }

        // Each claim of a file: where its block starts and ends, and its id.
        public List<(int Start, int End, string Id)> Claims(int file)
        {
            var text = Texts[file];
            var claims = new List<(int, int, string)>();
            var section = text.IndexOf("claims:\n", StringComparison.Ordinal);
            if (section < 0)
                return claims;
            var end = text.IndexOf("\n\n", section, StringComparison.Ordinal) is var blank and >= 0 ? blank + 1 : text.Length;
            for (var at = text.IndexOf("  - id: ", section, StringComparison.Ordinal); at >= 0 && at < end;)
            {
                var next = text.IndexOf("  - id: ", at + 1, StringComparison.Ordinal);
                var stop = next < 0 || next > end ? end : next;
                var idEnd = text.IndexOf('\n', at);
                claims.Add((at, stop, text.Substring(at + "  - id: ".Length, idEnd - at - "  - id: ".Length)));
                at = next;
            }
            return claims;
        }

        // Whether any file other than the claim's own names the id after a list bracket or comma (contradicts, supports).
        public bool IsNamed(string id) => Texts.Any(t => t.Contains("[" + id, StringComparison.Ordinal) || t.Contains(", " + id, StringComparison.Ordinal));
    }

    private static readonly (string Name, Expect Expect, Edit Apply)[] Edits =
    {
        ("add a claim", Expect.Update, (pack, file, random) => pack.Claims(file).Count == 0 ? null : SyntheticPack.AddClaim(pack.Texts[file], random.Next(1_000_000))),
        ("change a claimant", Expect.Update, (pack, file, random) => InClaim(pack, file, random, "    claimant: actor-", (text, at) =>
            text.Remove(at + "    claimant: actor-".Length, 6).Insert(at + "    claimant: actor-".Length, random.Next(20).ToString("D6")))),
        ("change a status", Expect.Update, (pack, file, random) => InClaim(pack, file, random, "    status: ", (text, at) =>
        {
            var end = text.IndexOf('\n', at);
            var now = text.Substring(at, end - at);
            return text.Remove(at, end - at).Insert(at, now.EndsWith("denied", StringComparison.Ordinal) ? "    status: reported" : "    status: denied");
        })),
        ("contradict a claim of another file", Expect.Update, (pack, file, random) =>
        {
            var other = (file + 1 + random.Next(pack.Texts.Count - 1)) % pack.Texts.Count;
            var targets = pack.Claims(other);
            var claims = pack.Claims(file).Where(c => !pack.Texts[file].Substring(c.Start, c.End - c.Start).Contains("    contradicts:", StringComparison.Ordinal)).ToList();
            if (targets.Count == 0 || claims.Count == 0)
                return null;
            var claim = claims[random.Next(claims.Count)];
            var target = targets[random.Next(targets.Count)].Id;
            return pack.Texts[file].Insert(claim.End, "    contradicts: [" + target + "]\n");
        }),
        ("take out a claim no other claim names", Expect.Update, (pack, file, random) =>
        {
            var free = pack.Claims(file).Where(c => !pack.IsNamed(c.Id)).ToList();
            if (free.Count < 2)
                return null;
            var claim = free[random.Next(free.Count)];
            return pack.Texts[file].Remove(claim.Start, claim.End - claim.Start);
        }),
        ("move a claim to the top of its file's claims", Expect.Either, (pack, file, random) =>
        {
            var claims = pack.Claims(file);
            if (claims.Count < 2)
                return null;
            var claim = claims[1 + random.Next(claims.Count - 1)];
            var text = pack.Texts[file];
            var block = text.Substring(claim.Start, claim.End - claim.Start);
            return text.Remove(claim.Start, block.Length).Insert(claims[0].Start, block);
        }),
        ("rename a claim", Expect.Either, (pack, file, random) =>
        {
            var claims = pack.Claims(file);
            if (claims.Count == 0)
                return null;
            var claim = claims[random.Next(claims.Count)];
            return pack.Texts[file].Insert(claim.Start + "  - id: ".Length + claim.Id.Length, "-renamed");
        }),
        ("rename an actor", Expect.Whole, (pack, file, random) => InText(pack.Texts[file], random, "    name: Actor ", (text, at) => text.Insert(at + "    name: ".Length, "The "))),
        ("give a claim an unknown claimant", Expect.Whole, (pack, file, random) =>
            InClaim(pack, file, random, "    claimant: actor-", (text, at) => text.Insert(at + "    claimant: ".Length, "no-such-"))),
    };

    // The text with an edit at a random occurrence of marker within the file's claims; null when there is none.
    private static string? InClaim(Pack pack, int file, Random random, string marker, Func<string, int, string> edit)
    {
        var claims = pack.Claims(file);
        if (claims.Count == 0)
            return null;
        var text = pack.Texts[file];
        return InText(text, random, marker, edit, claims[0].Start);
    }

    private static string? InText(string text, Random random, string marker, Func<string, int, string> edit, int from = 0)
    {
        var found = new List<int>();
        for (var at = text.IndexOf(marker, from, StringComparison.Ordinal); at >= 0; at = text.IndexOf(marker, at + 1, StringComparison.Ordinal))
            found.Add(at);
        return found.Count == 0 ? null : edit(text, found[random.Next(found.Count)]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void An_updated_link_is_the_whole_link_edit_after_edit(int seed)
    {
        var random = new Random(seed);
        var pack = new Pack(SyntheticPack.Create(900, 6, seed));
        var first = Link(pack.Outlines, out var updated);
        Assert.False(updated);
        Assert.Equal(Whole(pack.Outlines), first);
        Assert.Empty(first.Diagnostics);

        var updates = new Dictionary<string, int>();
        var log = new List<string>();
        for (var step = 0; step < 60; step++)
        {
            var (name, expect, apply) = Edits[random.Next(Edits.Length)];
            var file = random.Next(pack.Texts.Count);
            var before = pack.Texts[file];
            if (apply(pack, file, random) is not { } text || text == before)
                continue;
            pack.Replace(file, text);
            var linked = Check($"seed {seed}, step {step}: {name} in file {file}", expect);
            if (updated)
                updates[name] = updates.TryGetValue(name, out var count) ? count + 1 : 1;
            if (linked.Diagnostics.Count > 0)
            {
                // Reported, so this link was not kept: the edit undone is updated from the link kept before it, or linked whole.
                pack.Replace(file, before);
                Assert.Empty(Check($"seed {seed}, step {step}: {name} undone in file {file}", Expect.Either).Diagnostics);
            }
        }
        // Every edit the update is for, or may be for, was updated at least once in the run.
        foreach (var (name, _, _) in Edits.Where(e => e.Expect != Expect.Whole))
            Assert.True(updates.ContainsKey(name), $"seed {seed}: '{name}' was never updated\n" + string.Join("\n", log));

        PackModel Check(string context, Expect expect)
        {
            var incremental = Link(pack.Outlines, out updated);
            var whole = Whole(pack.Outlines);
            Assert.True(whole.Equals(incremental), context + ": " + FirstDifference(whole, incremental));
            log.Add($"{context}: {(updated ? "updated" : "linked whole")}, {whole.Diagnostics.Count} reported");
            if (expect != Expect.Either)
                Assert.True(updated == (expect == Expect.Update), string.Join("\n", log));
            return whole;
        }
    }

    [Fact]
    public void A_pack_that_reports_anything_is_linked_whole()
    {
        var pack = new Pack(SyntheticPack.Create(300, 3));
        var broken = pack.Texts[1].Replace("    claimant: actor-", "    claimant: no-such-actor-");
        pack.Replace(1, broken);
        Link(pack.Outlines, out var updated);
        Assert.False(updated);
        pack.Replace(2, SyntheticPack.AddClaim(pack.Texts[2], 1));
        var after = Link(pack.Outlines, out updated);
        Assert.False(updated);
        Assert.NotEmpty(after.Diagnostics);
        Assert.Equal(Whole(pack.Outlines), after);
    }

    [Fact]
    public void Two_files_changed_at_once_are_linked_whole()
    {
        var pack = new Pack(SyntheticPack.Create(300, 3));
        Link(pack.Outlines, out _);
        pack.Replace(0, SyntheticPack.AddClaim(pack.Texts[0], 1));
        pack.Replace(2, SyntheticPack.AddClaim(pack.Texts[2], 2));
        var after = Link(pack.Outlines, out var updated);
        Assert.False(updated);
        Assert.Equal(Whole(pack.Outlines), after);
        pack.Replace(1, SyntheticPack.AddClaim(pack.Texts[1], 3));
        Assert.Equal(Whole(pack.Outlines), Link(pack.Outlines, out updated));
        Assert.True(updated);
    }

    // Hosts may run one project's generator for several compilations at once: runs that share outlines may find the same
    // kept link, which one of them updates while the others link whole. Each must still get its own pack's link.
    [Fact]
    public void Links_run_at_once_over_shared_outlines_each_get_their_own_pack()
    {
        var pack = new Pack(SyntheticPack.Create(600, 6));
        Link(pack.Outlines, out _);
        var versions = Enumerable.Range(0, 16).Select(i =>
        {
            var outlines = pack.Outlines.ToList();
            var file = i % outlines.Count;
            outlines[file] = FileOutline.Of(PackFileReader.Read(pack.Paths[file], SyntheticPack.AddClaim(pack.Texts[file], i)));
            return outlines;
        }).ToList();
        var expected = versions.Select(Whole).ToList();
        var updates = 0;
        for (var round = 0; round < 3; round++)
        {
            var linked = new PackModel[versions.Count];
            Parallel.For(0, versions.Count, i =>
            {
                linked[i] = Link(versions[i], out var updated);
                if (updated)
                    Interlocked.Increment(ref updates);
            });
            for (var i = 0; i < versions.Count; i++)
                Assert.True(expected[i].Equals(linked[i]), $"round {round}, version {i}: " + FirstDifference(expected[i], linked[i]));
        }
        Assert.True(updates > 0, "no run updated a kept link");
    }

    private static string FirstDifference(PackModel expected, PackModel actual)
    {
        if (!expected.Diagnostics.Equals(actual.Diagnostics))
            return $"diagnostics differ: {expected.Diagnostics.Count} against {actual.Diagnostics.Count}";
        string? First<T>(string kind, EquatableArray<T> a, EquatableArray<T> b) where T : IEquatable<T>
        {
            if (a.Count != b.Count)
                return $"{kind}: {a.Count} against {b.Count}";
            for (var i = 0; i < a.Count; i++)
                if (!a[i].Equals(b[i]))
                    return $"{kind} {i}:\n whole {a[i]}\n update {b[i]}";
            return null;
        }
        return First("source", expected.Sources, actual.Sources) ?? First("actor", expected.Actors, actual.Actors)
            ?? First("place", expected.Places, actual.Places) ?? First("claim", expected.Claims, actual.Claims) ?? "the info or files differ";
    }
}
