using System.Text.RegularExpressions;
using KnowledgeGen.Cli.Graph;
using Xunit;

namespace KnowledgeGen.Cli.Tests;

/// <summary>The diagrams are well formed: declared node ids, balanced brackets, escaped labels.</summary>
public class GraphTests
{
    private static readonly KnowledgePack Pack = global::Panjshir2021.Pack.Instance;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Mermaid_declares_every_node_before_edges_use_it(bool contested)
    {
        var text = GraphCommand.Mermaid(GraphCommand.Build(Pack, contested));
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("flowchart LR", lines[1]);
        var declared = new HashSet<string>();
        foreach (var line in lines.Skip(2).Select(l => l.Trim()))
        {
            var node = Regex.Match(line, "^([a-z]_[A-Za-z0-9_]+)(\\[\"[^\"]*\"\\]|\\(\\[\"[^\"]*\"\\]\\)|\\{\\{\"[^\"]*\"\\}\\})$");
            if (node.Success)
            {
                Assert.True(declared.Add(node.Groups[1].Value), "declared twice: " + line);
                continue;
            }
            var edge = Regex.Match(line, "^([a-z]_[A-Za-z0-9_]+) (-->|-\\.->|-- supports -->|<-- contradicts -->) ([a-z]_[A-Za-z0-9_]+)$");
            if (edge.Success)
            {
                Assert.Contains(edge.Groups[1].Value, declared);
                Assert.Contains(edge.Groups[3].Value, declared);
                continue;
            }
            Assert.Matches("^(classDef [^\"]*;|class [^\"]*;|linkStyle [^\"]*)$", line);
        }
        Assert.Contains(contested ? "contradicts" : "supports", text);
    }

    [Fact]
    public void Dot_is_balanced_and_every_edge_joins_declared_nodes()
    {
        var text = GraphCommand.Dot(GraphCommand.Build(Pack, contestedOnly: false));
        Assert.StartsWith("digraph claims {\n", text);
        Assert.EndsWith("}\n", text);
        var declared = Regex.Matches(text, "^    ([a-z]_[A-Za-z0-9_]+) \\[shape=", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToHashSet();
        foreach (Match edge in Regex.Matches(text, "^    ([a-z]_[A-Za-z0-9_]+) -> ([a-z]_[A-Za-z0-9_]+)", RegexOptions.Multiline))
        {
            Assert.Contains(edge.Groups[1].Value, declared);
            Assert.Contains(edge.Groups[2].Value, declared);
        }
        // Every label is a quoted string with its quotes escaped: no line has an odd number of unescaped quotes.
        foreach (var line in text.Split('\n'))
            Assert.Equal(0, Regex.Matches(line, "(?<!\\\\)\"").Count % 2);
        Assert.Equal(text.Count(c => c == '['), text.Count(c => c == ']'));
    }

    // Mermaid reads "#name;" anywhere in the text as an entity code (its encodeEntities), having first dropped the ';' that
    // ends a line with "style" or "classDef", a colon and a '#'. A colour just before ';' on another line (a linkStyle's
    // "stroke:#080;") is taken for an entity, and the whole diagram fails to parse. Only the labels' escapes may read so.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Mermaid_has_no_colour_that_Mermaid_reads_as_an_entity_code(bool contested)
    {
        var text = GraphCommand.Mermaid(GraphCommand.Build(Pack, contested));
        Assert.Contains("linkStyle", text);
        var read = Regex.Replace(text, "style.*:\\S*#.*;", m => m.Value[..^1]);
        read = Regex.Replace(read, "classDef.*:\\S*#.*;", m => m.Value[..^1]);
        var outsideLabels = Regex.Replace(read, "\"[^\"]*\"", "\"\"");
        Assert.DoesNotMatch("#\\w+;", outsideLabels);
    }

    [Fact]
    public void Labels_escape_quotes_and_markup()
    {
        Assert.Equal("say #quot;no#quot; #lt;b#gt; #35;1", GraphCommand.MermaidLabel("say \"no\" <b> #1"));
        Assert.Equal("\"say \\\"no\\\" a\\\\b\\nnext\"", GraphCommand.DotString("say \"no\" a\\b\nnext"));
    }

    // Mermaid reads a label that starts with a backtick ("`) as a Markdown string, which a label not ending so never closes,
    // and takes "%%{...}%%" anywhere in the text for a directive, which it cuts out, leaving an empty label: either way the
    // diagram does not parse. Both characters are written as entity codes, which show as themselves.
    [Fact]
    public void Labels_escape_the_backtick_and_percent_sign()
    {
        Assert.Equal("#96;rm -rf#96; is 100#37; bad", GraphCommand.MermaidLabel("`rm -rf` is 100% bad"));
        Assert.Equal("#37;#37;{init: {}}#37;#37;", GraphCommand.MermaidLabel("%%{init: {}}%%"));
    }

    // Mermaid shows a label as HTML, so "&amp;" in it would show as "&": the text "&amp;" (a pack quoting markup) must show
    // as written. '&' is written as its entity code too, which shows as '&' and ends nothing.
    [Fact]
    public void Labels_escape_the_ampersand_so_an_entity_in_the_text_shows_as_written()
    {
        Assert.Equal("Q#38;A: #38;amp; is #38;#35;38;", GraphCommand.MermaidLabel("Q&A: &amp; is &#38;"));
    }

    // Graphviz reads HTML entities in a quoted label ("&amp;" shows as "&", "&lt;" as "<"), so '&' is written "&amp;".
    [Fact]
    public void Dot_labels_escape_the_ampersand_so_an_entity_in_the_text_shows_as_written()
    {
        Assert.Equal("\"Q&amp;A: &amp;amp; is &amp;#38;\"", GraphCommand.DotString("Q&A: &amp; is &#38;"));
    }

    // What Graphviz itself shows: every label and the title, read back from the SVG's text, is the text as written.
    [GraphvizFact]
    public void Dot_renders_every_label_as_written()
    {
        var labels = new[] { "Tom &amp; Jerry", "Q&A &#38; &lt;b&gt;", "say \"no\"", "a\\b \\N \\l", "<i>x</i> & y" };
        var graph = new GraphCommand.ClaimGraph("Q&A &amp; more: claims network",
            labels.Select((label, i) => new GraphCommand.Node("a_" + i, label, "claimant")).ToList(),
            Array.Empty<GraphCommand.Edge>());
        var svg = GraphvizFactAttribute.RenderSvg(GraphCommand.Dot(graph));
        var texts = System.Xml.Linq.XDocument.Parse(svg).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        Assert.Equal(new[] { "Q&A &amp; more: claims network" }.Concat(labels).Order(StringComparer.Ordinal), texts.Order(StringComparer.Ordinal));
    }

    // The title is a comment, but Mermaid looks for "%%{...}%%" in the whole text, comments too: a title holding one would
    // set the diagram's configuration (here its theme), and an unclosed "%%{" cuts off the rest of the diagram. The title
    // is escaped as a label is.
    [Fact]
    public void The_title_is_escaped_as_a_label_is()
    {
        var graph = new GraphCommand.ClaimGraph("Q&A %%{init: {\"theme\": \"dark\"}}%%: claims network",
            new[] { new GraphCommand.Node("a_x", "Tom &amp; Jerry", "claimant"), new GraphCommand.Node("c_y", "100%", "claim") },
            new[] { new GraphCommand.Edge("a_x", "c_y", "made") });
        Assert.Equal(
            "%% Q#38;A #37;#37;{init: {#quot;theme#quot;: #quot;dark#quot;}}#37;#37;: claims network\n" +
            "flowchart LR\n" +
            "    a_x([\"Tom #38;amp; Jerry\"])\n" +
            "    c_y[\"100#37;\"]\n" +
            "    a_x --> c_y\n" +
            "    classDef claimant fill:#eef,stroke:#447;\n" +
            "    classDef subject fill:#efe,stroke:#474;\n" +
            "    class a_x claimant;\n",
            GraphCommand.Mermaid(graph));
    }

    [Fact]
    public void The_README_shows_the_current_contested_graph()
    {
        var readme = File.ReadAllText(Path.Combine(TestFolders.RepoRoot(), "README.md")).ReplaceLineEndings("\n");
        var expected = GraphCommand.Mermaid(GraphCommand.Build(Pack, contestedOnly: true, subjects: false));
        Assert.True(readme.Contains("```mermaid\n" + expected + "```", StringComparison.Ordinal),
            "README.md's mermaid block is out of date; replace it with the output of `knowledgegen graph --contested --no-subjects`.");
    }
}

/// <summary>A fact that needs Graphviz's <c>dot</c> on the PATH, to render a diagram as Graphviz does.</summary>
public sealed class GraphvizFactAttribute : FactAttribute
{
    private static readonly string? DotPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(folder => Path.Combine(folder, OperatingSystem.IsWindows() ? "dot.exe" : "dot"))
        .FirstOrDefault(File.Exists);

    public GraphvizFactAttribute()
    {
        if (DotPath is null)
            Skip = "Needs Graphviz's dot on the PATH.";
    }

    /// <summary>The SVG that <c>dot -Tsvg</c> renders of a dot text.</summary>
    public static string RenderSvg(string dot)
    {
        var start = new System.Diagnostics.ProcessStartInfo(DotPath!, "-Tsvg")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            StandardInputEncoding = new System.Text.UTF8Encoding(false), StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(dot);
        process.StandardInput.Close();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dot did not finish in 60 seconds.");
        }
        Assert.True(process.ExitCode == 0, "dot failed: " + error.Result);
        return output.Result;
    }
}
