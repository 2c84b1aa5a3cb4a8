namespace KnowledgeGen.Cli.Tests;

/// <summary>
/// A pack built by hand from the runtime model's constructors, for text the YAML fixtures do not hold:
/// right-to-left scripts, characters outside the Basic Multilingual Plane, control characters.
/// </summary>
internal sealed class HandMadePack : KnowledgePack
{
    public const string DariName = "گزارش درهٔ پنجشیر";
    public const string Emoji = "🏔️";
    public const string Awkward = "tab\there, nul\0, bell\a, quote \" backslash \\ slash / line\u2028separator, del\u007f, nbsp\u00a0, bom\ufeff, </script>";

    public HandMadePack(bool empty = false)
    {
        if (empty)
        {
            Sources = Array.Empty<Source>();
            Actors = Array.Empty<Actor>();
            Places = Array.Empty<Place>();
            Claims = Array.Empty<Claim>();
            return;
        }

        var valley = new Place("panjshir", "Панджшер", new[] { "Panjsjir", DariName }, Awkward, PlaceKind.MountainRange, null);
        var speaker = new Actor("speaker", "Ахмад Масуд " + Emoji, Array.Empty<string>(), null, ActorKind.Group, true, Awkward,
            new[] { new Role("leader «of»", () => valley, true, Emoji) });
        var post = new Source("post", DariName + " " + Emoji, new[] { Awkward }, null, SourceKind.SocialMediaPost,
            null, () => speaker, "fa", "ps", new FactDate(new DateOnly(2021, 9, 6), DatePrecision.Approximate), null, "https://example.org/ü?q=\"x\"", null);
        var claim = new Claim("said", "said", Array.Empty<string>(), Emoji, Awkward, () => speaker, () => new Entity[] { valley },
            new FactDate(new DateOnly(2021, 9, 1), DatePrecision.Month), ClaimStatus.Corroborated,
            new Quantity(-1.5m, 10000m, "fighters — “approximately”", true),
            new[] { new Citation(() => post, DariName + "\n" + Awkward) }, null, null, null);
        Sources = new[] { post };
        Actors = new[] { speaker };
        Places = new[] { valley };
        Claims = new[] { claim };
    }

    public override string Name => "HandMade";
    public override string Namespace => "Hand.Made";
    public override string Title => "Hand made: " + DariName;
    public override string Version => "0.0.1-\"beta\"";
    public override string? Description => null;
    public override IReadOnlyList<Source> Sources { get; }
    public override IReadOnlyList<Actor> Actors { get; }
    public override IReadOnlyList<Place> Places { get; }
    public override IReadOnlyList<Claim> Claims { get; }
}
