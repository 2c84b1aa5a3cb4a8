using KnowledgeGen.Generator.Model;

namespace KnowledgeGen.Generator.Emitting;

/// <summary>
/// Writes the pack-wide file of the indexes: <c>Pack.Indexes</c> and the pack instance's override of
/// <c>KnowledgePack.Indexes</c>, which join the parts each YAML file's generated code carries
/// (<see cref="Linking.IndexBuilder"/>, written by <see cref="PackEmitter.EmitFile"/>) when the indexes are first
/// used: the runtime's FactPack joins them, reaching them through the pack-wide file's lookup. This file names no
/// YAML file, so no edit of the facts changes it; no method grows with the pack and no fact's property is compiled for
/// the indexes.
/// </summary>
public static class IndexEmitter
{
    private const string Rt = "global::KnowledgeGen.";

    public static GeneratedFile Emit(PackShape shape)
    {
        var ns = shape.Info.Namespace;
        var w = new CodeWriter();
        PackEmitter.Header(w);
        w.Line($"namespace {ns}");
        w.Open();
        w.Line("public static partial class Pack");
        w.Open();
        w.Line("/// <summary>");
        w.Line("/// The pack's indexes, computed when the pack was built: claims by claimant, subject and source,");
        w.Line("/// the contradictions and support edges between claims, corroboration by independent origins,");
        w.Line("/// and a timeline of the dated claims.");
        w.Line("/// </summary>");
        w.Line($"public static {Rt}PackIndexes Indexes => global::{ns}.__Facts.Tables.Indexes;");
        w.Line();
        w.Line("/// <summary>The claims <paramref name=\"claimant\"/> made, in the pack's order.</summary>");
        w.Line($"public static global::System.Collections.Generic.IReadOnlyList<{Rt}Claim> ClaimsBy({Rt}Actor claimant) => Indexes.ClaimsBy(claimant);");
        w.Line("/// <summary>The claims about <paramref name=\"subject\"/> (an actor or a place), in the pack's order.</summary>");
        w.Line($"public static global::System.Collections.Generic.IReadOnlyList<{Rt}Claim> ClaimsAbout({Rt}Entity subject) => Indexes.ClaimsAbout(subject);");
        w.Line("/// <summary>The claims citing <paramref name=\"source\"/>, as document or relayed channel.</summary>");
        w.Line($"public static global::System.Collections.Generic.IReadOnlyList<{Rt}Claim> ClaimsCiting({Rt}Source source) => Indexes.ClaimsCiting(source);");
        w.Line("/// <summary>How many reports and independent origins carry <paramref name=\"claim\"/>.</summary>");
        w.Line($"public static {Rt}Corroboration Corroboration({Rt}Claim claim) => Indexes.Corroboration(claim);");
        w.Line();
        w.Line($"private sealed partial class __GeneratedPack");
        w.Open();
        w.Line($"public override {Rt}PackIndexes Indexes => Pack.Indexes;");
        w.Close();
        w.Close();
        w.Close();
        return new GeneratedFile($"{ns}.Indexes.g.cs", w.Finish());
    }
}
