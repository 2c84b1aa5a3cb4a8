using Xunit;

namespace KnowledgeGen.Cli.Tests;

/// <summary>Enum values come out with the names docs/yaml-format.md gives them.</summary>
public class YamlNamesTests
{
    [Fact]
    public void Every_enum_value_has_its_yaml_name()
    {
        Assert.Equal(
            new[] { "news-report", "broadcast", "interview", "audio-message", "video-message", "social-media-post", "statement", "other" },
            Names<SourceKind>());
        Assert.Equal(new[] { "person", "organisation", "media", "group" }, Names<ActorKind>());
        Assert.Equal(
            new[] { "country", "province", "valley", "district", "city", "town", "village", "pass", "mountain-range", "river", "region", "site" },
            Names<PlaceKind>());
        Assert.Equal(new[] { "reported", "unverified", "disputed", "denied", "corroborated" }, Names<ClaimStatus>());
        Assert.Equal(new[] { "day", "month", "year", "approximate" }, Names<DatePrecision>());
    }

    private static string[] Names<T>() where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => YamlNames.Of(v)).ToArray();
}
