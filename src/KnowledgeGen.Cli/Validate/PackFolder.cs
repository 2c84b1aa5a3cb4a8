using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace KnowledgeGen.Cli.Validate;

/// <summary>
/// The files under a folder (a pack's <c>*.kg.yaml</c>, or the documents its quotes are checked against), searched
/// recursively. A link to a folder is followed, as a build's wildcard follows it, except one that leads back to a folder
/// being searched (a link to the pack's own folder or to one above it): following it would read the same files again
/// and again, tens of levels deep, until the path grew too long.
/// </summary>
public static class PackFolder
{
    /// <summary>A link to a folder that was not followed, and the folder it leads back to.</summary>
    public sealed record SkippedLink(string Path, string LeadsTo);

    /// <summary>The files matching <paramref name="pattern"/> under <paramref name="folder"/> in ordinal order of their paths; the links left out are added to <paramref name="skipped"/>.</summary>
    public static IReadOnlyList<string> Files(string folder, string pattern, List<SkippedLink> skipped)
    {
        var files = new List<string>();
        var searching = new List<(string Real, string Written)> { (RealPath(folder), folder) };
        Search(folder, pattern, searching, files, skipped);
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    // The build's wildcards and the generator's file filter ignore case on every system (knowledge/HARBOUR.KG.YAML is a
    // pack file there too), where a plain search on Linux would not: validate would leave the file out without a word.
    private static readonly EnumerationOptions AnyCase = new()
    {
        MatchCasing = MatchCasing.CaseInsensitive,
        MatchType = MatchType.Win32,
        AttributesToSkip = 0,
    };

    private static void Search(string folder, string pattern, List<(string Real, string Written)> searching, List<string> files, List<SkippedLink> skipped)
    {
        files.AddRange(Directory.EnumerateFiles(folder, pattern, AnyCase));
        foreach (var child in Directory.EnumerateDirectories(folder).OrderBy(d => d, StringComparer.Ordinal))
        {
            var real = RealPath(child);
            var loop = searching.FindIndex(s => s.Real == real);
            if (loop >= 0)
            {
                skipped.Add(new SkippedLink(child, searching[loop].Written));
                continue;
            }
            searching.Add((real, child));
            Search(child, pattern, searching, files, skipped);
            searching.RemoveAt(searching.Count - 1);
        }
    }

    // The folder's path with every link in it resolved, so that two ways to one folder give one string. A link that cannot
    // be resolved (one that leads to itself) fails as the folder would fail to be listed: an IOException the command reports.
    /// <summary>The path of the file <paramref name="path"/> names, with every link on the way followed: two paths that name one file give one.</summary>
    public static string RealFilePath(string path)
    {
        var full = Path.GetFullPath(path);
        var target = new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true);
        return target is not null ? RealFilePath(target.FullName)
            : Path.GetDirectoryName(full) is { } parent ? Path.Combine(RealPath(parent), Path.GetFileName(full)) : full;
    }

    private static string RealPath(string folder)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        var parent = Path.GetDirectoryName(full);
        if (parent is null)
            return full; // the root
        var target = new DirectoryInfo(full).ResolveLinkTarget(returnFinalTarget: true);
        return target is null ? Path.Combine(RealPath(parent), Path.GetFileName(full)) : RealPath(target.FullName);
    }
}
