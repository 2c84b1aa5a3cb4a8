using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace KnowledgeGen.Benchmarks;

/// <summary>
/// The run-time measurements, each in a fresh process so that loading and JIT are paid as a user's
/// program pays them: the compiled pack (first access to one fact, or every fact of the four lists)
/// against YamlDotNet deserializing the same files into plain classes.
/// </summary>
public static class Child
{
    public const string EntryType = "KnowledgeGenBenchmarkEntry";

    /// <summary>The consumer code compiled into the pack assembly: what a user's program would write.</summary>
    public static string EntrySource(string ns, string claimMember) => $$"""
        public static class {{EntryType}}
        {
            public static object First() => global::{{ns}}.Claims.{{claimMember}}.Statement;

            public static int Enumerate()
            {
                var n = 0;
                foreach (var s in global::{{ns}}.Sources.All) n += s.Name.Length;
                foreach (var a in global::{{ns}}.Actors.All) n += a.Name.Length;
                foreach (var p in global::{{ns}}.Places.All) n += p.Name.Length;
                foreach (var c in global::{{ns}}.Claims.All) n += c.Statement.Length;
                return n;
            }
        }
        """;

    // --child typed-first|typed-all <dll>  or  --child yaml-first|yaml-all <folder> <claim id>  or  --child first-collection
    public static int Run(string[] args, TextWriter output)
    {
        if (args[0] == FirstCollectionMode)
            return MeasureFirstCollection(output);
        var watch = Stopwatch.StartNew();
        object result;
        Assembly? pack = null;
        switch (args[0])
        {
            // A user's program loads the pack and calls into it. This one also looks the entry up by reflection (type by
            // name, method, delegate), which no user pays: the clock stops for the lookup.
            case "typed-first":
                pack = Assembly.LoadFrom(args[1]);
                watch.Stop();
                var first = (Func<object>)Entry(pack, "First", typeof(Func<object>));
                watch.Start();
                result = first();
                break;
            case "typed-all":
                pack = Assembly.LoadFrom(args[1]);
                watch.Stop();
                var all = (Func<int>)Entry(pack, "Enumerate", typeof(Func<int>));
                watch.Start();
                result = all();
                break;
            case "yaml-first":
                result = ((ClaimEntry)YamlBaseline.Load(args[1]).ById[args[2]]).Statement!;
                break;
            case "yaml-all":
                var n = 0;
                foreach (var file in YamlBaseline.Load(args[1]).Files)
                {
                    foreach (var s in file.Sources ?? new()) n += s.Name!.Length;
                    foreach (var a in file.Actors ?? new()) n += a.Name!.Length;
                    foreach (var p in file.Places ?? new()) n += p.Name!.Length;
                    foreach (var c in file.Claims ?? new()) n += c.Statement!.Length;
                }
                result = n;
                break;
            default:
                output.WriteLine("unknown child mode " + args[0]);
                return 2;
        }
        var elapsed = watch.Elapsed.TotalMilliseconds;
        output.WriteLine(FormattableString.Invariant($"ms={elapsed} result={result}"));
        if (pack is not null) // so that the benchmark can check which copies of the library and the pack ran, once timed
        {
            output.WriteLine("runtime=" + AppDomain.CurrentDomain.GetAssemblies().Single(a => a.GetName().Name == "KnowledgeGen").Location);
            output.WriteLine("pack=" + pack.Location);
            output.WriteLine("pack-readytorun=" + (ChildRuntime.IsReadyToRun(pack.Location) ? "yes" : "no"));
        }
        return 0;
    }

    private const string FirstCollectionMode = "first-collection";

    /// <summary>
    /// How much a fresh process, with the collector the run-time children have, allocates before its first collection, and
    /// how long that collection pauses it; null where the child could not say. The runtime sizes its youngest generation from
    /// the processor's cache, and falls back to a small budget where the machine does not tell the cache's size (some virtual
    /// machines do not): then a child that keeps a few megabytes pays for a collection another machine's child does not.
    /// </summary>
    public static (double Megabytes, double PauseMilliseconds)? FirstCollection()
    {
        try
        {
            var (pause, bytes, _) = Spawn(null, FirstCollectionMode);
            return (long.Parse(bytes, CultureInfo.InvariantCulture) / 1e6, pause);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    // Keeps small objects, as decoding a pack does, until the first collection of gen0; prints that collection's pause as
    // ms= and the bytes allocated before it as result=.
    private static int MeasureFirstCollection(TextWriter output)
    {
        var kept = new List<byte[]>();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var allocated = 0L;
        while (GC.CollectionCount(0) == 0)
        {
            allocated = GC.GetTotalAllocatedBytes(precise: false) - before;
            kept.Add(new byte[100]);
        }
        GC.KeepAlive(kept);
        output.WriteLine(FormattableString.Invariant($"ms={GC.GetTotalPauseDuration().TotalMilliseconds} result={allocated}"));
        return 0;
    }

    private static Delegate Entry(Assembly pack, string method, Type type) =>
        pack.GetType(EntryType, throwOnError: true)!.GetMethod(method)!.CreateDelegate(type);

    /// <summary>The dotnet host this process runs on, or the one on the path.</summary>
    public static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (string.IsNullOrEmpty(host))
            host = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
        return host;
    }

    /// <summary>What a typed child loaded: the KnowledgeGen library, the pack, and whether the pack's file is a ReadyToRun image.</summary>
    public sealed record Loaded(string Runtime, string Pack, bool PackReadyToRun);

    /// <summary>
    /// Runs this program, as it stands in <paramref name="folder"/> (by default its own folder), in a child mode; returns
    /// the milliseconds and the result it printed, and for a typed child what it loaded.
    /// </summary>
    public static (double Milliseconds, string Result, Loaded? Loaded) Spawn(string? folder, params string[] args)
    {
        var self = typeof(Child).Assembly.Location;
        if (folder is not null)
            self = Path.Combine(folder, Path.GetFileName(self));
        var start = new ProcessStartInfo(DotnetHost()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["DOTNET_gcServer"] = "0"; // an application's default, whatever GC the benchmark itself runs with
        start.ArgumentList.Add(self);
        start.ArgumentList.Add("--child");
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var line = stdout.Split('\n').FirstOrDefault(l => l.StartsWith("ms=", StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
            throw new InvalidOperationException($"child {string.Join(" ", args)} failed ({process.ExitCode}): {stdout}{stderr}");
        var parts = line.Trim().Split(' ', 2);
        string? Printed(string key) =>
            stdout.Split('\n').FirstOrDefault(l => l.StartsWith(key + "=", StringComparison.Ordinal))?.Trim().Substring(key.Length + 1);
        var loaded = Printed("runtime") is { } runtime && Printed("pack") is { } pack
            ? new Loaded(runtime, pack, Printed("pack-readytorun") == "yes") : null;
        return (double.Parse(parts[0].Substring(3), CultureInfo.InvariantCulture), parts[1].Substring("result=".Length), loaded);
    }
}
