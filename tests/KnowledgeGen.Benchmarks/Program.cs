namespace KnowledgeGen.Benchmarks;

public static class Program
{
    public static int Main(string[] args) => Benchmark.Run(args, Console.Out);
}
