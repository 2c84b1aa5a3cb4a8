using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;

namespace KnowledgeGen.Cli.Graph;

/// <summary>
/// <c>knowledgegen graph --format mermaid|dot</c>: the claims network as a diagram. Claimants point at the
/// claims they made, claims at their subjects; contradictions are red edges both ways, support edges
/// green. <c>--contested</c> keeps only the claims that are part of a contradiction. A claimant or subject of another pack
/// the pack refers to is a node like the pack's own, its id naming its pack (<c>a_Panjshir2021_ahmad_massoud</c>).
/// </summary>
public static class GraphCommand
{
    /// <summary>The formats <c>--format</c> accepts.</summary>
    public static readonly string[] Formats = { "mermaid", "dot" };

    /// <summary>Creates the <c>graph</c> command.</summary>
    public static Command Create(Option<string?> pack)
    {
        var format = new Option<string>("--format", "-f") { Description = "The diagram language: mermaid or dot (Graphviz).", DefaultValueFactory = _ => "mermaid" };
        format.AcceptOnlyFromAmong(Formats);
        var contested = new Option<bool>("--contested") { Description = "Draw only the claims that contradict another claim, with their claimants and subjects." };
        var noSubjects = new Option<bool>("--no-subjects") { Description = "Leave out the actors and places the claims are about: claimants, claims and their links only." };
        var command = new Command("graph", "Write the claims network (claimants, claims, subjects, contradiction and support edges) as a Mermaid or Graphviz diagram.")
        {
            pack, format, contested, noSubjects,
        };
        command.SetAction(result => PackAction.Run(result, pack, (knowledge, output) =>
        {
            var graph = Build(knowledge, result.GetValue(contested), subjects: !result.GetValue(noSubjects));
            output.Write(result.GetValue(format) == "dot" ? Dot(graph) : Mermaid(graph));
            return 0;
        }));
        return command;
    }

    /// <summary>A node: its sanitized id, its label and its kind (claimant, claim, subject).</summary>
    public sealed record Node(string Id, string Label, string Kind);

    /// <summary>An edge between node ids; kind is made, about, contradicts or supports.</summary>
    public sealed record Edge(string From, string To, string Kind);

    /// <summary>The nodes and edges of the diagram, in the pack's order.</summary>
    public sealed record ClaimGraph(string Title, IReadOnlyList<Node> Nodes, IReadOnlyList<Edge> Edges);

    /// <summary>Builds the network of the pack, or of its contested claims only; with or without the claims' subjects.</summary>
    public static ClaimGraph Build(KnowledgePack pack, bool contestedOnly, bool subjects = true)
    {
        var indexes = pack.Indexes;
        var claims = contestedOnly
            ? pack.Claims.Where(c => c.IsContested).ToList()
            : pack.Claims.ToList();
        var included = new HashSet<Claim>(claims);
        var nodes = new List<Node>();
        var edges = new List<Edge>();
        var ids = NodeIds(pack, claims, subjects);
        string IdOf(Entity e) => ids[e];
        var seen = new HashSet<string>();
        void AddNode(Entity e, string kind)
        {
            if (seen.Add(IdOf(e)))
                // Labels are shown as the tool shows a pack's text (DisplayText): no control character reaches the file or the terminal.
                nodes.Add(new Node(IdOf(e), DisplayText.Of(e.EntityKind == EntityKind.Claim ? ((Claim)e).Statement : e.Name), kind));
        }
        foreach (var claim in claims)
            AddNode(claim.Claimant, "claimant");
        foreach (var claim in claims)
            AddNode(claim, "claim");
        foreach (var claim in claims.Where(_ => subjects))
            foreach (var subject in claim.About)
                AddNode(subject, "subject");
        foreach (var claim in claims)
            edges.Add(new Edge(IdOf(claim.Claimant), IdOf(claim), "made"));
        foreach (var claim in claims.Where(_ => subjects))
            foreach (var subject in claim.About)
                edges.Add(new Edge(IdOf(claim), IdOf(subject), "about"));
        foreach (var pair in indexes.Contradictions.Where(p => included.Contains(p.First) && included.Contains(p.Second)))
            edges.Add(new Edge(IdOf(pair.First), IdOf(pair.Second), "contradicts"));
        foreach (var edge in indexes.Supports.Where(e => included.Contains(e.Supporter) && included.Contains(e.Supported)))
            edges.Add(new Edge(IdOf(edge.Supporter), IdOf(edge.Supported), "supports"));
        return new ClaimGraph(DisplayText.Of(pack.Title) + (contestedOnly ? ": contested claims" : ": claims network"), nodes, edges);
    }

    /// <summary>A node id diagram languages accept: the kind's initial, then letters, digits and underscores.</summary>
    public static string NodeId(Entity entity) => NodeId(entity, null);

    // The kind's initial, the pack's name for an entity of another pack, then the id, made safe.
    private static string NodeId(Entity entity, string? pack)
    {
        var id = new StringBuilder(entity.EntityKind.ToString().Substring(0, 1).ToLowerInvariant()).Append('_');
        if (pack is not null)
            Safe(id, pack).Append('_');
        return Safe(id, entity.Id).ToString();
    }

    private static StringBuilder Safe(StringBuilder id, string text)
    {
        foreach (var ch in text)
            id.Append(char.IsAsciiLetterOrDigit(ch) ? ch : '_');
        return id;
    }

    // The node id of every entity the graph may draw. The pack's own entities have NodeId(entity); the claimants and
    // subjects of other packs have their pack's name in theirs, so one that shares an id with an entity of this pack is a
    // node of its own. Should two distinct entities still come out alike, the later gets _2, _3 …
    private static Dictionary<Entity, string> NodeIds(KnowledgePack pack, IReadOnlyList<Claim> claims, bool subjects)
    {
        var ids = new Dictionary<Entity, string>(ReferenceEqualityComparer.Instance);
        var drawn = claims.SelectMany(c => new Entity[] { c.Claimant, c }.Concat(subjects ? c.About : Enumerable.Empty<Entity>())).ToList();
        var own = new HashSet<Entity>(pack.Entities, ReferenceEqualityComparer.Instance);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entity in drawn.Where(own.Contains))
            if (!ids.ContainsKey(entity))
                ids[entity] = Unique(NodeId(entity), used);
        var others = drawn.Where(e => !own.Contains(e)).ToList();
        if (others.Count == 0)
            return ids;
        var references = ReferencedPacks.Of(pack);
        foreach (var entity in others)
            if (!ids.ContainsKey(entity))
                ids[entity] = Unique(NodeId(entity, references.GroupOf(entity)?.Pack?.Name ?? "other"), used);
        return ids;
    }

    // Node ids take letters, digits and '_' only.
    private static string Unique(string candidate, HashSet<string> used) => ReferencedPacks.Unique(candidate, used, separator: "_");

    /// <summary>The graph as a Mermaid flowchart.</summary>
    public static string Mermaid(ClaimGraph graph)
    {
        var text = new StringBuilder();
        // Mermaid reads "%%{...}%%" as a directive in a comment too, so the title is escaped as a label is.
        text.Append("%% ").Append(MermaidLabel(graph.Title)).Append('\n');
        text.Append("flowchart LR\n");
        foreach (var node in graph.Nodes)
        {
            var label = MermaidLabel(node.Label);
            text.Append("    ").Append(node.Id).Append(node.Kind switch
            {
                "claim" => "[\"" + label + "\"]",
                "claimant" => "([\"" + label + "\"])",
                _ => "{{\"" + label + "\"}}",
            }).Append('\n');
        }
        var linkIndex = 0;
        var contradictions = new List<int>();
        var supports = new List<int>();
        foreach (var edge in graph.Edges)
        {
            var arrow = edge.Kind switch
            {
                "contradicts" => " <-- contradicts --> ",
                "supports" => " -- supports --> ",
                "about" => " -.-> ",
                _ => " --> ",
            };
            if (edge.Kind == "contradicts")
                contradictions.Add(linkIndex);
            if (edge.Kind == "supports")
                supports.Add(linkIndex);
            text.Append("    ").Append(edge.From).Append(arrow).Append(edge.To).Append('\n');
            linkIndex++;
        }
        text.Append("    classDef claimant fill:#eef,stroke:#447;\n");
        text.Append("    classDef subject fill:#efe,stroke:#474;\n");
        foreach (var kind in new[] { "claimant", "subject" })
        {
            var ids = graph.Nodes.Where(n => n.Kind == kind).Select(n => n.Id).ToList();
            if (ids.Count > 0)
                text.Append("    class ").Append(string.Join(",", ids)).Append(' ').Append(kind).Append(";\n");
        }
        if (contradictions.Count > 0)
            text.Append("    linkStyle ").Append(string.Join(",", contradictions)).Append(" stroke:#c00,stroke-width:2px;\n");
        // No ';' after the colour: Mermaid reads "#080;" as an entity code on any line but a style or classDef one, and the
        // diagram would not parse. The ';' is optional.
        if (supports.Count > 0)
            text.Append("    linkStyle ").Append(string.Join(",", supports)).Append(" stroke:#080\n");
        return text.ToString();
    }

    /// <summary>The graph in Graphviz's dot language.</summary>
    public static string Dot(ClaimGraph graph)
    {
        var text = new StringBuilder();
        text.Append("digraph claims {\n");
        text.Append("    graph [rankdir=LR, label=").Append(DotString(graph.Title)).Append(", labelloc=t];\n");
        text.Append("    node [fontname=\"Helvetica\", fontsize=10];\n");
        foreach (var node in graph.Nodes)
        {
            var shape = node.Kind switch { "claim" => "box", "claimant" => "ellipse", _ => "hexagon" };
            text.Append("    ").Append(node.Id).Append(" [shape=").Append(shape).Append(", label=").Append(DotString(Wrap(node.Label))).Append("];\n");
        }
        foreach (var edge in graph.Edges)
        {
            var style = edge.Kind switch
            {
                "contradicts" => " [label=\"contradicts\", color=red, dir=both]",
                "supports" => " [label=\"supports\", color=darkgreen]",
                "about" => " [style=dashed]",
                _ => "",
            };
            text.Append("    ").Append(edge.From).Append(" -> ").Append(edge.To).Append(style).Append(";\n");
        }
        text.Append("}\n");
        return text.ToString();
    }

    /// <summary>A Mermaid label text: quotes and the characters Mermaid reads as markup become entity codes.</summary>
    // Mermaid labels sit in double quotes; quotes and the characters Mermaid reads as markup become entity codes: a backtick
    // after the opening quote starts a Markdown string, "%%{" a directive, wherever it stands, and '&' an HTML entity, as
    // labels are shown as HTML ("&amp;" would show as "&").
    public static string MermaidLabel(string label)
    {
        var text = new StringBuilder();
        foreach (var ch in label)
            text.Append(ch switch
            {
                '"' => "#quot;",
                '#' => "#35;",
                '<' => "#lt;",
                '>' => "#gt;",
                '`' => "#96;",
                '%' => "#37;",
                '&' => "#38;",
                '\n' or '\r' => " ",
                _ => ch.ToString(),
            });
        return text.ToString();
    }

    /// <summary>A dot string literal with backslashes, quotes, newlines and ampersands escaped.</summary>
    // A dot string: backslashes and quotes escaped; newlines written as \n (line breaks in the label). Graphviz reads HTML
    // entities in a quoted label ("&amp;" shows as "&"), so '&' is written "&amp;": a label shows its text as written.
    public static string DotString(string label) =>
        "\"" + label.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("&", "&amp;").Replace("\r", "").Replace("\n", "\\n") + "\"";

    // Long statements break into lines of about 40 characters so boxes stay narrow.
    private static string Wrap(string label)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in label.Split(' '))
        {
            if (line.Length > 0 && line.Length + word.Length > 40)
            {
                lines.Add(line.ToString());
                line.Clear();
            }
            if (line.Length > 0)
                line.Append(' ');
            line.Append(word);
        }
        lines.Add(line.ToString());
        return string.Join("\n", lines);
    }
}
