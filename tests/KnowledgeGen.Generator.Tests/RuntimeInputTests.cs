using System.Globalization;
using KnowledgeGen.Testing;
using Xunit;

namespace KnowledgeGen.Generator.Tests;

/// <summary>
/// The runtime model under bad or careless input: a pack's lists cannot be changed by any reader, a hand-made entity
/// keeps no list its caller can still change, wrong values are refused where they are made with the parameter named,
/// and hand-made packs index as generated ones do.
/// </summary>
public class RuntimeInputTests
{
    private static readonly Lazy<KnowledgePack> Starter = new(() => GeneratedApiTests.Load("starter"));

    // A list no reader can write to: not an array it could be cast back to, and read-only through IList<T>.
    private static void AssertFrozen<T>(IReadOnlyList<T> list, string what)
    {
        Assert.False(list is T[] { Length: > 0 }, what + " is an array a caller could write to");
        if (list is IList<T> { Count: > 0 } writable)
        {
            Assert.True(writable.IsReadOnly, what);
            Assert.Throws<NotSupportedException>(() => writable[0] = writable[0]);
        }
    }

    [Fact]
    public void No_list_of_a_generated_pack_can_be_written_to()
    {
        var pack = Starter.Value;
        var checkedLists = 0;
        void Check<T>(IReadOnlyList<T> list, string what)
        {
            AssertFrozen(list, what);
            if (list.Count > 0)
                checkedLists++;
        }
        foreach (var entity in pack.Sources.Cast<Entity>().Concat(pack.Actors).Concat(pack.Places).Concat(pack.Claims))
            Check(entity.Aliases, entity.Id + ".Aliases");
        foreach (var actor in pack.Actors)
            Check(actor.Roles, actor.Id + ".Roles");
        foreach (var claim in pack.Claims)
        {
            Check(claim.Citations, claim.Id + ".Citations");
            Check(claim.About, claim.Id + ".About");
            Check(pack.Indexes.Corroboration(claim).Origins, claim.Id + " corroboration");
        }
        var indexes = pack.Indexes;
        Check(indexes.Timeline, "Timeline");
        Check(indexes.Contradictions, "Contradictions");
        Check(indexes.Supports, "Supports");
        Check(indexes.Claimants, "Claimants");
        Check(indexes.Subjects, "Subjects");
        Check(indexes.CitingSources, "CitingSources");
        foreach (var entry in indexes.Claimants)
            Check(entry.Claims, entry.Key.Id + " claims");
        // Every kind of list above holds something in the starter pack, so none was skipped for being empty.
        Assert.True(checkedLists > 20, $"only {checkedLists} non-empty lists");
    }

    [Fact]
    public void A_hand_made_entity_keeps_a_copy_of_the_lists_it_was_given()
    {
        var aliases = new List<string> { "Ahmad" };
        var place = new Place("p", "P", Array.Empty<string>(), null, PlaceKind.Valley, null);
        var roles = new List<Role> { new("leader", () => place, false) };
        var actor = new Actor("a", "A", aliases, null, ActorKind.Person, false, null, roles);
        var source = new Source("s", "S", null!, null, SourceKind.NewsReport, null, null, null, null, null, null, null, null);
        var citations = new List<Citation> { new(() => source, "q") };
        var subjects = new Entity[] { place };
        var claim = new Claim("c", "C", null!, null, "C", () => actor, () => subjects, null, ClaimStatus.Reported, null, citations, null, null, null);

        aliases[0] = "changed";
        roles.Clear();
        citations.Clear();
        Assert.Equal(new[] { place }, claim.About);
        subjects[0] = actor; // the caller's array, after the list was first read

        Assert.Equal(new[] { "Ahmad" }, actor.Aliases);
        Assert.Single(actor.Roles);
        Assert.Single(claim.Citations);
        Assert.Same(place, Assert.Single(claim.About));
        AssertFrozen(actor.Aliases, "Aliases");
        AssertFrozen(claim.About, "About");
    }

    [Fact]
    public void Wrong_values_are_refused_where_they_are_made_naming_the_parameter()
    {
        Assert.Equal("aliases", Assert.Throws<ArgumentException>(() => new Place("p", "P", new string[] { null! }, null, PlaceKind.Valley, null)).ParamName);
        Assert.Equal("id", Assert.Throws<ArgumentException>(() => new Place(" ", "P", null!, null, PlaceKind.Valley, null)).ParamName);
        Assert.Equal("source", Assert.Throws<ArgumentNullException>(() => new Citation(null!, "q")).ParamName);
        Assert.Equal("claimant", Assert.Throws<ArgumentNullException>(
            () => new Claim("c", "C", null!, null, "C", null!, null, null, ClaimStatus.Reported, null, null!, null, null, null)).ParamName);

        var pack = Starter.Value;
        Assert.Equal("claimant", Assert.Throws<ArgumentNullException>(() => pack.Indexes.ClaimsBy(null!)).ParamName);
        Assert.Equal("subject", Assert.Throws<ArgumentNullException>(() => pack.Indexes.ClaimsAbout(null!)).ParamName);
        Assert.Equal("source", Assert.Throws<ArgumentNullException>(() => pack.Indexes.ClaimsCiting(null!)).ParamName);
        Assert.Equal("id", Assert.Throws<ArgumentNullException>(() => pack.Get(null!)).ParamName);
        Assert.Equal("packType", Assert.Throws<ArgumentNullException>(() => KnowledgePackAttribute.Load(null!)).ParamName);
        Assert.Equal("packType", Assert.Throws<ArgumentException>(() => KnowledgePackAttribute.Load(typeof(string))).ParamName);

        var claim = pack.Claims[0];
        var origin = pack.Sources[0];
        Assert.Equal("citations", Assert.Throws<ArgumentOutOfRangeException>(() => new Corroboration(claim, -1, 0, Array.Empty<Source>())).ParamName);
        Assert.Equal("reports", Assert.Throws<ArgumentOutOfRangeException>(() => new Corroboration(claim, 2, -1, new[] { origin })).ParamName);
        Assert.Equal("reports", Assert.Throws<ArgumentOutOfRangeException>(() => new Corroboration(claim, 1, 2, new[] { origin })).ParamName);
        Assert.Equal("origins", Assert.Throws<ArgumentException>(() => new Corroboration(claim, 1, 1, new[] { origin, pack.Sources[1] })).ParamName);
        Assert.Equal(1, new Corroboration(claim, 1, 1, new[] { origin }).IndependentOrigins);
    }

    [Fact]
    public void A_kind_or_a_status_its_enum_does_not_name_is_refused_naming_the_parameter()
    {
        // A number cast to the enum would print as a number and fall through every switch on the kind.
        Assert.Equal("kind", Assert.Throws<ArgumentOutOfRangeException>(
            () => new Actor("a", "A", null!, null, (ActorKind)42, false, null, null!)).ParamName);
        Assert.Equal("kind", Assert.Throws<ArgumentOutOfRangeException>(() => new Place("p", "P", null!, null, (PlaceKind)(-1), null)).ParamName);
        Assert.Equal("kind", Assert.Throws<ArgumentOutOfRangeException>(
            () => new Source("s", "S", null!, null, (SourceKind)8, null, null, null, null, null, null, null, null)).ParamName);
        var speaker = new Actor("a", "A", null!, null, ActorKind.Group, false, null, null!);
        Assert.Equal("status", Assert.Throws<ArgumentOutOfRangeException>(
            () => new Claim("c", "C", null!, null, "C", () => speaker, null, null, (ClaimStatus)5, null, null!, null, null, null)).ParamName);
        Assert.Equal(ClaimStatus.Corroborated,
            new Claim("c", "C", null!, null, "C", () => speaker, null, null, ClaimStatus.Corroborated, null, null!, null, null, null).Status);
    }

    [Fact]
    public void Load_refuses_what_is_not_a_packs_class_and_lets_the_packs_own_exception_through()
    {
        Assert.Same(Starter.Value, KnowledgePackAttribute.Load(Starter.Value.GetType().DeclaringType!));
        Assert.Equal("packType", Assert.Throws<ArgumentException>(() => KnowledgePackAttribute.Load(typeof(OpenPack<>))).ParamName);
        Assert.Equal("packType", Assert.Throws<ArgumentException>(() => KnowledgePackAttribute.Load(typeof(ObjectInstance))).ParamName);
        Assert.Equal("packType", Assert.Throws<ArgumentException>(() => KnowledgePackAttribute.Load(typeof(WriteOnlyInstance))).ParamName);
        // An interface's static abstract or static virtual Instance has no value of its own to read: C# reads it only through
        // a type that implements the interface (CS8926), and reflection cannot call an abstract one.
        Assert.Equal("packType", Assert.Throws<ArgumentException>(() => KnowledgePackAttribute.Load(typeof(IAbstractInstance))).ParamName);
        Assert.Equal("packType", Assert.Throws<ArgumentException>(() => KnowledgePackAttribute.Load(typeof(IVirtualInstance))).ParamName);
        // A class that implements it is a pack's class like any other.
        Assert.Same(Starter.Value, KnowledgePackAttribute.Load(typeof(ImplementsAbstractInstance)));
        Assert.Equal("no pack here", Assert.Throws<InvalidOperationException>(() => KnowledgePackAttribute.Load(typeof(ThrowingInstance))).Message);
        Assert.Throws<InvalidOperationException>(() => KnowledgePackAttribute.Load(typeof(NullInstance)));
    }

    [Fact]
    public void Load_finds_an_Instance_that_the_packs_class_inherits_and_the_nearest_one_first()
    {
        // A pack written by hand may take its Instance from a base class, as C# reads InheritedInstance.Instance.
        Assert.Same(Starter.Value, KnowledgePackAttribute.Load(typeof(InheritedInstance)));
        Assert.Same(Starter.Value, KnowledgePackAttribute.Load(typeof(InheritedFromAGenericBase)));
        // One declared on the class itself hides the base class's, in C# and here.
        Assert.Equal("packType", Assert.Throws<ArgumentException>(() => KnowledgePackAttribute.Load(typeof(HidingInstance))).ParamName);
    }

    private class InstanceBase
    {
        public static KnowledgePack Instance => Starter.Value;
    }

    private sealed class InheritedInstance : InstanceBase
    {
    }

    private class PackBase<T>
    {
        public static KnowledgePack Instance => Starter.Value;
    }

    private sealed class InheritedFromAGenericBase : PackBase<InheritedFromAGenericBase>
    {
    }

    private sealed class HidingInstance : InstanceBase
    {
        public static new object Instance => Starter.Value;
    }

    private static class OpenPack<T>
    {
        public static KnowledgePack Instance => Starter.Value;
    }

    private static class ObjectInstance
    {
        public static object Instance => Starter.Value;
    }

    private static class WriteOnlyInstance
    {
        public static KnowledgePack Instance { set { } }
    }

    private interface IAbstractInstance
    {
        static abstract KnowledgePack Instance { get; }
    }

    private interface IVirtualInstance
    {
        static virtual KnowledgePack Instance => Starter.Value;
    }

    private sealed class ImplementsAbstractInstance : IAbstractInstance
    {
        public static KnowledgePack Instance => Starter.Value;
    }

    private static class ThrowingInstance
    {
        public static KnowledgePack Instance => throw new InvalidOperationException("no pack here");
    }

    private static class NullInstance
    {
        public static KnowledgePack? Instance => null;
    }

    [Fact]
    public void A_quantity_runs_upward_and_has_a_unit()
    {
        Assert.Equal("0", default(Quantity).ToString());
        // default(Quantity), which GetValueOrDefault() gives for a claim without one, is the bare number 0: no null unit.
        Assert.Equal("", default(Quantity).Unit);
        Assert.Equal(new Quantity(0, 0, ""), default(Quantity));
        Assert.Equal(new Quantity(0, 0, "").GetHashCode(), default(Quantity).GetHashCode());
        Assert.Equal(new Quantity(40, 40, "fighters"), new Quantity(40.0m, 40.00m, "fighters"));
        Assert.NotEqual(new Quantity(40, 40, "fighters"), new Quantity(40, 40, "fighters", Approximate: true));
        Assert.Equal("7–8 days", new Quantity(7, 8, "days").ToString());
        Assert.Equal("Max", Assert.Throws<ArgumentOutOfRangeException>(() => new Quantity(8, 7, "fighters")).ParamName);
        Assert.Equal("Unit", Assert.Throws<ArgumentNullException>(() => new Quantity(1, 1, null!)).ParamName);
    }

    [Fact]
    public void A_date_has_a_named_precision_and_a_month_or_year_starts_its_period()
    {
        Assert.Equal("2021-09", new FactDate(new DateOnly(2021, 9, 1), DatePrecision.Month).ToString());
        Assert.Equal("2021", new FactDate(new DateOnly(2021, 1, 1), DatePrecision.Year).ToString());
        Assert.Equal("~2021-09-15", new FactDate(new DateOnly(2021, 9, 15), DatePrecision.Approximate).ToString());
        Assert.Equal("Date", Assert.Throws<ArgumentException>(() => new FactDate(new DateOnly(2021, 9, 15), DatePrecision.Month)).ParamName);
        Assert.Equal("Date", Assert.Throws<ArgumentException>(() => new FactDate(new DateOnly(2021, 6, 1), DatePrecision.Year)).ParamName);
        Assert.Equal("Precision", Assert.Throws<ArgumentOutOfRangeException>(() => new FactDate(new DateOnly(2021, 9, 1), (DatePrecision)7)).ParamName);
    }

    [Fact]
    public void Containers_are_the_places_around_a_place_and_end_on_a_cycle()
    {
        Place? second = null;
        var first = new Place("first", "First", null!, null, PlaceKind.Valley, () => second!);
        second = new Place("second", "Second", null!, null, PlaceKind.Province, () => first);
        var inner = new Place("inner", "Inner", null!, null, PlaceKind.Village, () => first);

        Assert.Equal(new[] { first, second }, inner.Containers());
        Assert.Equal(new[] { second }, first.Containers());
    }

    [Fact]
    public void Indexes_of_a_hand_made_pack_count_a_relation_either_side_declares_and_a_claim_listed_twice_once_where_it_first_stands()
    {
        var actor = new Actor("a", "A", new[] { "  Padded  " }, null, ActorKind.Person, false, null, null!);
        Claim? b = null;
        Claim? c = null;
        var a = new Claim("claim-a", "A", null!, null, "A", () => actor, null, null, ClaimStatus.Reported, null, null!,
            null, null, () => new[] { c! }); // only a says c supports it
        b = new Claim("claim-b", "B", null!, null, "B", () => actor, null, null, ClaimStatus.Reported, null, null!,
            () => new[] { a }, null, null); // only b says it contradicts a
        c = new Claim("claim-c", "C", null!, null, "C", () => actor, null, null, ClaimStatus.Reported, null, null!, null, null, null);
        var pack = new Pack(new[] { actor }, new[] { a, b, c, a });

        var indexes = PackIndexes.Compute(pack);

        Assert.Equal(new[] { new ClaimPair(a, b) }, indexes.Contradictions);
        Assert.Equal(new[] { new SupportEdge(c, a) }, indexes.Supports);
        // The claims themselves list what they were given, as their documentation says of a claim built by hand.
        Assert.Empty(a.Contradicts);
        Assert.False(a.IsContested);
        Assert.Empty(c.Supports);
        Assert.Equal(new[] { a, b, c }, indexes.ClaimsBy(actor));
        Assert.Same(a, indexes.Corroboration(a).Claim);
        Assert.Same(actor, pack.Find("Padded"));
        Assert.True(actor.IsKnownAs(" padded\t"));
        Assert.False(actor.IsKnownAs("pad"));
    }

    [Fact]
    public void Indexes_of_a_hand_made_pack_leave_out_a_claim_linked_to_itself_on_either_side()
    {
        // The generator refuses a claim that supports or contradicts itself (KG0017); a hand-made one is left out of both
        // indexes alike, so a computed index never holds a relation a generated one cannot.
        var actor = new Actor("a", "A", null!, null, ActorKind.Person, false, null, null!);
        Claim? a = null;
        Claim? b = null;
        a = new Claim("claim-a", "A", null!, null, "A", () => actor, null, null, ClaimStatus.Reported, null, null!,
            () => new[] { a! }, () => new[] { a!, b! }, () => new[] { a! });
        b = new Claim("claim-b", "B", null!, null, "B", () => actor, null, null, ClaimStatus.Reported, null, null!, null, null, null);
        var pack = new Pack(new[] { actor }, new[] { a, b });

        var indexes = PackIndexes.Compute(pack);

        Assert.Empty(indexes.Contradictions);
        Assert.Equal(new[] { new SupportEdge(a, b) }, indexes.Supports);
    }

    [Fact]
    public void A_hand_made_pack_that_lists_null_is_said_to_at_the_list_and_place_by_every_reader_of_its_lists()
    {
        var actor = new Actor("a", "A", null!, null, ActorKind.Person, false, null, null!);
        var claim = new Claim("claim-a", "A", null!, null, "A", () => actor, null, null, ClaimStatus.Reported, null, null!, null, null, null);
        var withNullClaim = new Pack(new[] { actor }, new[] { claim, null! });
        var withNullActor = new Pack(new[] { actor, null! }, new[] { claim });

        foreach (var (pack, list, item) in new[] { (withNullClaim, "Claims", 1), (withNullActor, "Actors", 1) })
        {
            var expected = $"The pack 'Hand' lists null as item {item} of {list}; a pack's lists hold entities only.";
            Assert.Equal(expected, Assert.Throws<InvalidOperationException>(() => pack.Entities.ToList()).Message);
            Assert.Equal(expected, Assert.Throws<InvalidOperationException>(() => pack.Find("a")).Message);
            Assert.Equal(expected, Assert.Throws<InvalidOperationException>(() => PackIndexes.Compute(pack)).Message);
        }
    }

    [Fact]
    public void A_date_or_a_quantity_cannot_be_changed_by_with_past_the_checks_its_constructor_makes()
    {
        // 'with' sets properties without the constructor: it would make a month dated on its 15th, or a range that runs down.
        foreach (var (type, name) in new[] { (typeof(FactDate), "Date"), (typeof(FactDate), "Precision"),
                     (typeof(Quantity), "Min"), (typeof(Quantity), "Max"), (typeof(Quantity), "Unit") })
            Assert.Null(type.GetProperty(name)!.SetMethod);
        // Whether a quantity is approximate is checked by nothing, and 'with' may change it (docs/generated-code.md says so).
        Assert.Equal("about 1–2 u", (new Quantity(1, 2, "u") with { Approximate = true }).ToString());
        Assert.Throws<ArgumentException>(() => new FactDate(new DateOnly(2021, 1, 15), DatePrecision.Month));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Quantity(5, 2, "x"));
    }

    [Fact]
    public void IsKnownAs_is_true_exactly_for_the_texts_Find_finds_the_entity_by()
    {
        var pack = Starter.Value;
        var texts = 0;
        foreach (var entity in pack.Entities)
            foreach (var text in new[] { entity.Id, entity.Name }.Concat(entity.Aliases))
                foreach (var variant in new[] { text, " " + text.ToUpperInvariant() + "\t" })
                {
                    var found = pack.Find(variant);
                    // Two entities may bear one text; Find gives the first, and each of them is known by it.
                    Assert.True(found is null || found.IsKnownAs(variant), $"Find('{variant}') gives {found?.Id}, which is not known by it");
                    Assert.Equal(found is not null, entity.IsKnownAs(variant) || (found is not null && found != entity));
                    texts++;
                }
        Assert.True(texts > 40, "the starter pack has entities with names and aliases");

        // A claim's name is its statement: neither Find nor IsKnownAs knows a claim by it.
        var claim = pack.Claims.First(c => !c.Aliases.Contains(c.Name));
        Assert.Null(pack.Find(claim.Name));
        Assert.False(claim.IsKnownAs(claim.Name));
        Assert.True(claim.IsKnownAs(claim.Id));
    }

    [Fact]
    public void Find_of_a_type_finds_the_entity_of_that_type_known_by_the_text_when_one_of_another_type_is_found_first()
    {
        // "Kabul" is a place's id and name, and an actor's alias (KG0019 warns of it, but a warning does not stop a build):
        // Find gives the place, and Find<Actor> the actor, as its documentation says ("null when there is none of that type").
        var kabul = new Place("kabul", "Kabul", null!, null, PlaceKind.City, null);
        var government = new Actor("afghan-government", "Government of Afghanistan", new[] { "Kabul" }, null, ActorKind.Organisation, false, null, null!);
        // Within a type the order is Find's: an id, then a name, then an alias, each in the pack's order.
        var named = new Actor("kabul-office", "KABUL ", null!, null, ActorKind.Organisation, false, null, null!);
        var pack = new Pack(new[] { government }, Array.Empty<Claim>(), new[] { kabul });
        var both = new Pack(new[] { government, named }, Array.Empty<Claim>(), new[] { kabul });

        Assert.Same(kabul, pack.Find("Kabul"));
        Assert.Same(kabul, pack.Find<Place>(" kabul"));
        Assert.Same(government, pack.Find<Actor>("Kabul"));
        Assert.Same(government, pack.Find<Entity>("afghan-government"));
        Assert.Null(pack.Find<Source>("Kabul"));
        Assert.Null(pack.Find<Actor>("Kandahar"));
        Assert.Same(named, both.Find<Actor>("kabul"));
        Assert.Same(named, both.Find<Actor>("kabul-office"));
    }

    [Fact]
    public void Find_and_IsKnownAs_ignore_invisible_marks_around_the_text_and_how_a_letter_is_composed()
    {
        // A name written with a precomposed "ë", one written decomposed (e and a combining diaeresis), and an alias with
        // a lone surrogate, which a generated pack can hold and which has no normalized form.
        var zoe = new Actor("zoe", "Zo\u00EB", new[] { "Ren\u0065\u0301e" }, null, ActorKind.Person, false, null, Array.Empty<Role>());
        var odd = new Actor("odd", "Odd", new[] { "half \uD800 pair" }, null, ActorKind.Person, false, null, Array.Empty<Role>());
        var pack = new Pack(new[] { zoe, odd }, Array.Empty<Claim>());

        foreach (var text in new[] { "Zoe\u0308", "ZOE\u0308", "\u200FZo\u00EB\u200E", "\uFEFFzo\u00EB", "\u200B Zo\u00EB\u2060", "Ren\u00E9e", "\u202BREN\u00C9E\u202C" })
        {
            Assert.Same(zoe, pack.Find(text));
            Assert.True(zoe.IsKnownAs(text), text);
        }
        Assert.Null(pack.Find("Zo\u200B\u00EB")); // a mark inside the text is part of it
        Assert.Same(odd, pack.Find(" half \uD800 pair"));
        Assert.True(odd.IsKnownAs("HALF \uD800 PAIR"));
    }

    // docs/generated-code.md, "Finding an entity": case is ignored by one rule in every culture (each character's simple
    // uppercase), under which Turkish's dotted capital İ (to Unicode an I with a dot above) and dotless ı are letters of
    // their own: Turkish case rules would have I the capital of ı, and TALIBAN would no longer find Taliban.
    [Fact]
    public void Find_ignores_case_by_one_rule_in_every_culture_under_which_the_dotted_and_dotless_i_are_letters_of_their_own()
    {
        var taliban = new Actor("taliban", "Taliban", Array.Empty<string>(), null, ActorKind.Group, false, null, Array.Empty<Role>());
        var istanbul = new Place("istanbul", "Istanbul", new[] { "\u0130stanbul" }, null, PlaceKind.City, null);
        var pack = new Pack(new[] { taliban }, Array.Empty<Claim>(), new[] { istanbul });
        var culture = CultureInfo.CurrentCulture;
        try
        {
            foreach (var name in new[] { "en-GB", "tr-TR", "az-Latn-AZ" })
            {
                CultureInfo.CurrentCulture = new CultureInfo(name);
                Assert.Same(taliban, pack.Find("TALIBAN"));
                Assert.Null(pack.Find("TAL\u0130BAN"));        // a Turkish keyboard's capital of "taliban"
                Assert.Null(pack.Find("TALI\u0307BAN"));       // the same, as I and a combining dot above
                Assert.Null(pack.Find("tal\u0131ban"));        // the dotless ı
                Assert.False(taliban.IsKnownAs("TAL\u0130BAN"));
                // The spelling a pack gives as an alias is found, in either case.
                Assert.Same(istanbul, pack.Find("\u0130STANBUL"));
                Assert.Same(istanbul, pack.Find("istanbul"));
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Get_gives_the_entity_with_exactly_the_id_when_another_id_differs_from_it_only_in_case()
    {
        // A hand-made pack's ids need not be kebab-case: "Q42" and "q42" are two ids. Find, which ignores case, gives the first
        // for either; Get is documented as "the entity with exactly this id".
        var upper = new Actor("Q42", "Upper", null!, null, ActorKind.Person, false, null, null!);
        var lower = new Actor("q42", "Lower", null!, null, ActorKind.Person, false, null, null!);
        var pack = new Pack(new[] { upper, lower }, Array.Empty<Claim>());

        Assert.Same(upper, pack.Get("Q42"));
        Assert.Same(lower, pack.Get("q42"));
        Assert.Same(upper, pack.Find("q42"));
        Assert.Throws<KeyNotFoundException>(() => pack.Get("Lower")); // a name, not an id
        Assert.Throws<KeyNotFoundException>(() => pack.Get(" q42"));
    }

    private sealed class Pack(IReadOnlyList<Actor> actors, IReadOnlyList<Claim> claims, IReadOnlyList<Place>? places = null) : KnowledgePack
    {
        public override string Name => "Hand";
        public override string Namespace => "Hand";
        public override string Title => "Hand";
        public override string Version => "1";
        public override string? Description => null;
        public override IReadOnlyList<Source> Sources => Array.Empty<Source>();
        public override IReadOnlyList<Actor> Actors => actors;
        public override IReadOnlyList<Place> Places => places ?? Array.Empty<Place>();
        public override IReadOnlyList<Claim> Claims => claims;
    }

    [Fact]
    public void A_fact_pack_refuses_counts_that_do_not_describe_its_files_and_a_file_it_does_not_hold()
    {
        static ReadOnlySpan<byte> None(int file, int chunk) => default;
        static Entity NoExternal(int file, int n) => throw new ArgumentOutOfRangeException(nameof(n));

        Assert.Equal("counts", Assert.Throws<ArgumentException>(() => new KnowledgeGen.Generated.FactPack(None, None, NoExternal, new[] { 1, 2, 3 })).ParamName);
        Assert.Equal("counts", Assert.Throws<ArgumentOutOfRangeException>(() => new KnowledgeGen.Generated.FactPack(None, None, NoExternal, new[] { 0, -1, 0, 0 })).ParamName);
        Assert.Equal("counts", Assert.Throws<ArgumentNullException>(() => new KnowledgeGen.Generated.FactPack(None, None, NoExternal, null!)).ParamName);
        Assert.Equal("data", Assert.Throws<ArgumentNullException>(() => new KnowledgeGen.Generated.FactPack(null!, None, NoExternal, new int[4])).ParamName);

        // Changing the counts afterwards changes nothing: the pack keeps its own copy.
        var counts = new int[4];
        var pack = new KnowledgeGen.Generated.FactPack(None, None, NoExternal, counts);
        counts[3] = 5;
        Assert.Empty(pack.AllClaims);
        Assert.Equal(0, pack.Claims(0).Count);
        Assert.Empty(pack.Indexes.Timeline);
        Assert.Equal("file", Assert.Throws<ArgumentOutOfRangeException>(() => pack.Claims(1)).ParamName);
        Assert.Equal("file", Assert.Throws<ArgumentOutOfRangeException>(() => pack.Sources(-1)).ParamName);
    }

    // A FactPack finds where a file's records start in one pass when its counts say how many there are; counts that say
    // more than the data holds must not leave a record pointing nowhere.
    [Fact]
    public void A_fact_pack_whose_counts_disagree_with_its_data_reads_each_record_where_it_lies()
    {
        var (generated, data, indexData, external, countsOfFiles) = GeneratedFacts.Of(GeneratedApiTests.Load("starter"));
        var counts = countsOfFiles.ToList();
        var claimsFile = Enumerable.Range(0, counts.Count / 4).First(f => counts[f * 4 + 3] > 1);
        var claims = generated.Claims(claimsFile);

        // The counts of the generated pack: every claim as the generated pack reads it.
        var same = new KnowledgeGen.Generated.FactPack(data, indexData, external, counts.ToArray()).Claims(claimsFile);
        Assert.Equal(Enumerable.Range(0, claims.Count).Select(i => claims[i].Statement), Enumerable.Range(0, same.Count).Select(i => same[i].Statement));

        // One claim fewer: the others read as before.
        var fewer = counts.ToArray();
        fewer[claimsFile * 4 + 3]--;
        var fewerClaims = new KnowledgeGen.Generated.FactPack(data, indexData, external, fewer).Claims(claimsFile);
        Assert.Equal(Enumerable.Range(0, claims.Count - 1).Select(i => claims[i].Statement), Enumerable.Range(0, fewerClaims.Count).Select(i => fewerClaims[i].Statement));

        // One claim more than the data holds: the ones it holds read as before, and the one past them is refused.
        var more = counts.ToArray();
        more[claimsFile * 4 + 3]++;
        var moreClaims = new KnowledgeGen.Generated.FactPack(data, indexData, external, more).Claims(claimsFile);
        Assert.Equal(Enumerable.Range(0, claims.Count).Select(i => claims[i].Statement), Enumerable.Range(0, claims.Count).Select(i => moreClaims[i].Statement));
        Assert.Equal("record", Assert.Throws<ArgumentOutOfRangeException>(() => moreClaims[claims.Count]).ParamName);
    }
}
