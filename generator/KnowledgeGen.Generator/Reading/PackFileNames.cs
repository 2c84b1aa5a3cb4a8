using System;

namespace KnowledgeGen.Generator.Reading;

/// <summary>The names of pack files: what the generator reads (<c>*.kg.yaml</c>), and what another YAML file would be named to be read (KG0032).</summary>
public static class PackFileNames
{
    /// <summary>The name a YAML file would be read under: harbour.yaml, harbour.yml and harbour.kg.yml are harbour.kg.yaml.</summary>
    public static string For(string name)
    {
        var stem = name;
        foreach (var extension in new[] { ".yaml", ".yml" })
            if (stem.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
                stem = stem.Substring(0, stem.Length - extension.Length);
        if (stem.EndsWith(".kg", StringComparison.OrdinalIgnoreCase))
            stem = stem.Substring(0, stem.Length - ".kg".Length);
        return stem + KnowledgeGenerator.FileSuffix;
    }
}
