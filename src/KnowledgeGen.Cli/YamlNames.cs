using System;
using System.Collections.Concurrent;
using System.Text;

namespace KnowledgeGen.Cli;

/// <summary>
/// The names the YAML format uses for enum values: kebab-case, as curators write them
/// (<see cref="SourceKind.SocialMediaPost"/> is <c>social-media-post</c>, <see cref="ClaimStatus.Unverified"/> is <c>unverified</c>).
/// </summary>
public static class YamlNames
{
    private static readonly ConcurrentDictionary<Enum, string> Cache = new();

    /// <summary>The kebab-case name of <paramref name="value"/>.</summary>
    public static string Of(Enum value) => Cache.GetOrAdd(value, static v => Kebab(v.ToString()));

    /// <summary><c>MountainRange</c> → <c>mountain-range</c>.</summary>
    public static string Kebab(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                    builder.Append('-');
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}
