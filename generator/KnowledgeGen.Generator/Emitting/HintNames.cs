using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace KnowledgeGen.Generator.Emitting;

/// <summary>
/// The name of the generated file of each YAML file: the namespace, then the path relative to the folder
/// all pack files share, with separators as dots and any other character a file name cannot safely hold as
/// '_' (<c>Panjshir2021.claims.fighting.kg.g.cs</c> for <c>claims/fighting.kg.yaml</c>). Relative paths
/// keep the names the same on every machine; two paths that still come out alike (<c>a b</c> and <c>a_b</c>)
/// are told apart by a counter in path order, so the names do not depend on the order of the input.
/// </summary>
public static class HintNames
{
    public const string Suffix = ".kg.g.cs";

    /// <summary>
    /// Each path's hint name, and its path below the folder all pack files share with '/' for separators
    /// (<c>claims/fighting.kg.yaml</c>): what generated code shows of a file, the same on every machine.
    /// </summary>
    public static Dictionary<string, (string HintName, string Relative)> For(IEnumerable<string> paths, string ns)
    {
        var ordered = paths.Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal).ToList();
        var root = CommonFolder(ordered);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var path in ordered)
        {
            var relative = path.Substring(root.Length);
            var stem = ns + "." + Clean(Stem(relative));
            var name = stem + Suffix;
            for (var n = 2; !used.Add(name); n++)
                name = stem + "_" + n + Suffix;
            names[path] = (name, relative.Replace('\\', '/'));
        }
        return names;
    }

    private static string Stem(string relative)
    {
        const string yaml = ".kg.yaml";
        return relative.EndsWith(yaml, StringComparison.OrdinalIgnoreCase) ? relative.Substring(0, relative.Length - yaml.Length) : relative;
    }

    private static string Clean(string relative)
    {
        var b = new StringBuilder(relative.Length);
        foreach (var c in relative)
            b.Append(c is '/' or '\\' ? '.' : (c < 128 && (char.IsLetterOrDigit(c) || c is '-' or '_')) ? c : '_');
        return b.Length == 0 ? "_" : b.ToString().Trim('.');
    }

    // The longest folder prefix (ending in a separator) all paths share.
    private static string CommonFolder(List<string> paths)
    {
        if (paths.Count == 0)
            return "";
        var first = paths[0];
        var length = first.Length;
        foreach (var path in paths.Skip(1))
        {
            var i = 0;
            while (i < length && i < path.Length && path[i] == first[i])
                i++;
            length = i;
        }
        var cut = first.Substring(0, length);
        var separator = Math.Max(cut.LastIndexOf('/'), cut.LastIndexOf('\\'));
        return separator < 0 ? "" : first.Substring(0, separator + 1);
    }
}
