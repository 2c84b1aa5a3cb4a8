using System.Collections.Concurrent;
using KnowledgeGen.Generated;
using KnowledgeGen.Testing;
using Xunit;

namespace KnowledgeGen.Generator.Tests;

/// <summary>
/// The first enumeration of a large pack's list shares the decoding with thread-pool workers (FactList): the reader still
/// gets every entity once, in the pack's order, the same instance an index gives; a small pack's list is decoded by the
/// reader alone; and data a worker cannot read reaches the reader as the error it would have got alone.
/// </summary>
public class SharedDecodingTests
{
    // A compiled synthetic pack of four files (about 250 records each), whose data a test's packs read over and over.
    private static readonly Lazy<GeneratedFacts> Compiled =
        new(() => GeneratedFacts.Of(CompiledPack.Load(GeneratorHarness.Run(SyntheticPack.Create(1000, 4)), "shared")));

    // A pack of `files` files, file f holding the records of the compiled pack's file f % 4 (a reference to file g reads
    // this pack's file g, which holds the same records), whose data is read through `read`.
    private static FactPack Pack(int files, FactPackData read)
    {
        var counts = new int[files * 4];
        for (var file = 0; file < files; file++)
            Array.Copy(Compiled.Value.Counts, file % 4 * 4, counts, file * 4, 4);
        return new FactPack(read, Compiled.Value.IndexData, Compiled.Value.External, counts);
    }

    private static FactPackData Data => (file, chunk) => Compiled.Value.Data(file % 4, chunk);

    private static int Records(int files) => Enumerable.Range(0, files * 4).Sum(at => Compiled.Value.Counts[at % 16]);

    // The threads that read a pack's data, and a gate the reader waits at, on reaching the file `waitAt`, until another
    // thread has read data: so the workers have surely started when the reader meets them, however busy the pool is.
    private sealed class Readers
    {
        private readonly int _reader = Environment.CurrentManagedThreadId;
        private readonly ManualResetEventSlim _otherRead = new();
        public readonly ConcurrentDictionary<int, int> FilesByThread = new();

        public FactPackData Through(FactPackData data, int? waitAt = null) => (file, chunk) =>
        {
            var thread = Environment.CurrentManagedThreadId;
            FilesByThread.AddOrUpdate(thread, 1, (_, n) => n + 1);
            if (thread != _reader)
                _otherRead.Set();
            else if (file == waitAt)
                Assert.True(_otherRead.Wait(TimeSpan.FromSeconds(30)), "no worker read the pack's data");
            return data(file, chunk);
        };

        public bool OthersRead => FilesByThread.Keys.Any(t => t != _reader);
    }

    [Fact]
    public void A_large_lists_first_enumeration_is_shared_and_gives_every_entity_once_in_order()
    {
        const int Files = 100;
        Assert.True(Records(Files) >= 20_000, "the pack is large enough to share");
        var readers = new Readers();
        var shared = Pack(Files, readers.Through(Data, waitAt: Environment.ProcessorCount > 1 ? Files / 2 : null));
        var alone = Pack(Files, Data);

        var claims = shared.AllClaims.ToList(); // the enumeration
        var sources = shared.AllSources.ToList();

        // The same entities, in the pack's order, as a pack read one index at a time gives them.
        Assert.Equal(Enumerable.Range(0, alone.AllClaims.Count).Select(i => alone.AllClaims[i].Id), claims.Select(c => c.Id));
        Assert.Equal(Enumerable.Range(0, alone.AllClaims.Count).Select(i => alone.AllClaims[i].Statement), claims.Select(c => c.Statement));
        Assert.Equal(Enumerable.Range(0, alone.AllSources.Count).Select(i => alone.AllSources[i].Name), sources.Select(s => s.Name));
        // Each decoded once: the instance the enumeration gave is the one an index gives, and a second enumeration too.
        for (var i = 0; i < claims.Count; i++)
            Assert.Same(claims[i], shared.AllClaims[i]);
        Assert.Equal(claims, shared.AllClaims.ToList(), ReferenceEqualityComparer.Instance);
        // On more than one core the workers read data too; on one, the reader alone.
        Assert.Equal(Environment.ProcessorCount > 1, readers.OthersRead);
    }

    [Fact]
    public void A_small_lists_enumeration_is_the_readers_alone()
    {
        const int Files = 8;
        Assert.True(Records(Files) < 20_000);
        var readers = new Readers();
        var pack = Pack(Files, readers.Through(Data));
        Assert.Equal(Pack(Files, Data).AllClaims.Select(c => c.Id), pack.AllClaims.Select(c => c.Id));
        Assert.False(readers.OthersRead);
    }

    [Fact]
    public void Readers_enumerating_a_large_list_at_once_all_get_the_same_entities_in_order()
    {
        const int Files = 100;
        var pack = Pack(Files, Data);
        var expected = Pack(Files, Data).AllClaims.Select(c => c.Id).ToList();
        var seen = new List<Claim>[6];
        Parallel.For(0, seen.Length, new ParallelOptions { MaxDegreeOfParallelism = seen.Length }, i => seen[i] = pack.AllClaims.ToList());
        foreach (var list in seen)
        {
            Assert.Equal(expected, list.Select(c => c.Id));
            Assert.Equal(seen[0], list, ReferenceEqualityComparer.Instance);
        }
    }

    [Fact]
    public void A_reader_that_leaves_early_and_comes_back_gets_the_rest_as_it_is()
    {
        const int Files = 100;
        var pack = Pack(Files, Data);
        var first = pack.AllClaims.First();
        var taken = pack.AllClaims.Take(10).ToList();
        Assert.Same(first, taken[0]);
        Assert.Equal(Pack(Files, Data).AllClaims.Select(c => c.Statement), pack.AllClaims.Select(c => c.Statement));
    }

    [Fact]
    public void Data_a_worker_cannot_read_reaches_the_reader_as_the_error_it_would_have_got_alone()
    {
        const int Files = 100;
        var readers = new Readers();
        // The last file, where the workers start, is not in the format this version reads.
        var corrupt = "garbage"u8.ToArray();
        FactPackData data = (file, chunk) => file == Files - 1 ? chunk == 0 ? corrupt : default : Data(file, chunk);
        var pack = Pack(Files, readers.Through(data, waitAt: Environment.ProcessorCount > 1 ? Files / 2 : null));
        var alone = Pack(Files, data);

        var read = new List<string>();
        var shared = Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var claim in pack.AllClaims)
                read.Add(claim.Statement);
        });
        var expected = Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var claim in alone.AllClaims)
                _ = claim.Statement;
        });
        Assert.Equal(expected.Message, shared.Message);
        // Every claim before the last file's was read, as alone.
        Assert.Equal(Enumerable.Range(0, Files - 1).Sum(f => Compiled.Value.Counts[f % 4 * 4 + 3]), read.Count);
        Assert.Equal(Environment.ProcessorCount > 1, readers.OthersRead);
    }
}
