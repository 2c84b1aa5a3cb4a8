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
    private readonly Ref<Actor>? _outlet;
    private readonly Ref<Actor>? _author;
    private readonly RefList<Source> _relays;

    /// <summary>Creates a source; for packs built by hand (a generated pack decodes its own from its records). References are resolved on first use.</summary>
    public Source(string id, string name, IReadOnlyList<string> aliases, string? note,
        SourceKind kind, Func<Actor>? outlet, Func<Actor>? author, string? language, string? translatedFrom,
        FactDate? published, string? document, string? url, Func<Source[]>? relays)
        : this(id, name, aliases, note, EnumArgument.Named(kind, nameof(kind)), Ref<Actor>.Optional(outlet), Ref<Actor>.Optional(author), language, translatedFrom,
            published, document, url, RefList<Source>.Of(relays))
    {
    }

    internal Source(string id, string name, IReadOnlyList<string> aliases, string? note,
        SourceKind kind, Ref<Actor>? outlet, Ref<Actor>? author, string? language, string? translatedFrom,
        FactDate? published, string? document, string? url, RefList<Source> relays)
        : base(id, name, aliases, note)
    {
        Kind = kind;
        _outlet = outlet;
        _author = author;
        Language = language;
        TranslatedFrom = translatedFrom;
        Published = published;
        Document = document;
        Url = url;
        _relays = relays;
    }

    /// <inheritdoc />
    public override EntityKind EntityKind => EntityKind.Source;

    /// <summary>What kind of document this is.</summary>
    public SourceKind Kind { get; }

    /// <summary>The outlet that published it (a medium), if known.</summary>
    public Actor? Outlet => _outlet?.Value;

    /// <summary>Who wrote or spoke it, if known.</summary>
    public Actor? Author => _author?.Value;

    /// <summary>The language of the text as it was read, as an IETF tag (<c>en</c>).</summary>
    public string? Language { get; }

    /// <summary>The original language when the text is a translation.</summary>
    public string? TranslatedFrom { get; }

    /// <summary>When it was published, with the precision the text supports.</summary>
    public FactDate? Published { get; }

    /// <summary>The file name of the document's text, for quote verification.</summary>
    public string? Document { get; }

    /// <summary>Where the document can be found.</summary>
    public string? Url { get; }

    /// <summary>The channels this document relays: other sources its claims reached it through.</summary>
    public IReadOnlyList<Source> Relays => _relays.Value;
}
