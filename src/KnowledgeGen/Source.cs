using System;
using System.Collections.Generic;

namespace KnowledgeGen;

/// <summary>What kind of document a <see cref="Source"/> is.</summary>
public enum SourceKind
{
    /// <summary>A written news report or article.</summary>
    NewsReport,
    /// <summary>A radio or television broadcast, or a news network's report.</summary>
    Broadcast,
    /// <summary>An interview given to a medium.</summary>
    Interview,
    /// <summary>An audio message.</summary>
    AudioMessage,
    /// <summary>A video message.</summary>
    VideoMessage,
    /// <summary>A post on social media (Twitter, Facebook, ...).</summary>
    SocialMediaPost,
    /// <summary>A statement or press release.</summary>
    Statement,
    /// <summary>Any other kind of document.</summary>
    Other,
}

/// <summary>A document facts are drawn from, or a channel through which a claim reached a document.</summary>
public sealed class Source : Entity
{
    /// <summary>Creates a source; for packs built by hand (a generated pack decodes its own from its records). References are resolved on first use.</summary>
    public Source(string id, string name, IReadOnlyList<string> aliases, string? note,
        SourceKind kind, Func<Actor>? outlet, Func<Actor>? author, string? language, string? translatedFrom,
        FactDate? published, string? document, string? url, Func<Source[]>? relays)
        : base(id, name, aliases, note, new SourceDetails(EnumArgument.Named(kind, nameof(kind)), Ref<Actor>.Optional(outlet), Ref<Actor>.Optional(author),
            language, translatedFrom, published, document, url, RefList<Source>.Of(relays)))
    {
    }

    /// <summary>A source of a generated pack, whose record starts at <paramref name="recordAt"/> in <paramref name="file"/>: all of it but its name is read from there when first needed.</summary>
    internal Source(string name, Generated.FactFile file, long recordAt)
        : base(name, file, recordAt)
    {
    }

    private new SourceDetails Details => (SourceDetails)base.Details;

    /// <inheritdoc />
    public override EntityKind EntityKind => EntityKind.Source;

    /// <summary>What kind of document this is.</summary>
    public SourceKind Kind => Details.Kind;

    /// <summary>The outlet that published it (a medium), if known.</summary>
    public Actor? Outlet => Details.Outlet?.Value;

    /// <summary>Who wrote or spoke it, if known.</summary>
    public Actor? Author => Details.Author?.Value;

    /// <summary>The language of the text as it was read, as an IETF tag (<c>en</c>).</summary>
    public string? Language => Details.Language;

    /// <summary>The original language when the text is a translation.</summary>
    public string? TranslatedFrom => Details.TranslatedFrom;

    /// <summary>When it was published, with the precision the text supports.</summary>
    public FactDate? Published => Details.Published;

    /// <summary>The file name of the document's text, for quote verification.</summary>
    public string? Document => Details.Document;

    /// <summary>Where the document can be found.</summary>
    public string? Url => Details.Url;

    /// <summary>The channels this document relays: other sources its claims reached it through.</summary>
    public IReadOnlyList<Source> Relays => Details.Relays.Value;
}

/// <summary>What a source holds beyond its id, names and note.</summary>
internal sealed class SourceDetails
{
    public SourceDetails(SourceKind kind, Ref<Actor>? outlet, Ref<Actor>? author, string? language, string? translatedFrom,
        FactDate? published, string? document, string? url, RefList<Source> relays)
    {
        Kind = kind;
        Outlet = outlet;
        Author = author;
        Language = language;
        TranslatedFrom = translatedFrom;
        Published = published;
        Document = document;
        Url = url;
        Relays = relays;
    }

    public SourceKind Kind { get; }
    public Ref<Actor>? Outlet { get; }
    public Ref<Actor>? Author { get; }
    public string? Language { get; }
    public string? TranslatedFrom { get; }
    public FactDate? Published { get; }
    public string? Document { get; }
    public string? Url { get; }
    public RefList<Source> Relays { get; }
}
