using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using KnowledgeGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace KnowledgeGen.Generator.Linking;

/// <summary>
/// An entity of another fact pack that this project references: its id, its kind and the fully qualified
/// generated member that returns it (<c>global::Panjshir2021.Actors.AhmadShahMassoud</c>), the pack's name and
/// namespace (<c>Panjshir2021</c>), and the entity's name (<c>Ahmad Massoud</c>) for this pack's doc comments, or null
/// when the pack was built before its <c>[KnowledgeId]</c> carried one.
/// </summary>
public sealed record ExternalEntity(string Id, EntityClass Class, string Member, string Pack, string Namespace, string? Name = null);

/// <summary>The entities of every referenced fact pack, compared by value so an unrelated edit changes nothing downstream.</summary>
public sealed record ReferencedPacksModel(EquatableArray<ExternalEntity> Entities)
{
    public static readonly ReferencedPacksModel Empty = new(EquatableArray<ExternalEntity>.Empty);
}

/// <summary>
/// Pipeline input for cross-pack references: reads the referenced assemblies marked with
/// <c>[assembly: KnowledgePack]</c> and collects the members the generator marked with
/// <c>[KnowledgeId("id", Name = "name")]</c> in their Sources, Actors and Places classes. Claims of another pack are not
/// collected: contradiction and support are kept within one pack, where both sides are generated.
/// </summary>
public static class ReferencedPacks
{
    private const string RuntimeNamespace = "KnowledgeGen";
    private const string PackAttribute = "KnowledgePackAttribute";
    private const string IdAttribute = "KnowledgeIdAttribute";

    private static readonly EntityClass[] Linkable = { EntityClass.Sources, EntityClass.Actors, EntityClass.Places };

    public static ReferencedPacksModel Read(Compilation compilation, CancellationToken cancellationToken)
    {
        var entities = new List<ExternalEntity>();
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // This runs on every compilation (every keystroke in an editor): an assembly that does not
            // reference the runtime library cannot be a fact pack, and is passed over without reading it.
            if (!ReferencesRuntime(assembly))
                continue;
            foreach (var attribute in assembly.GetAttributes())
            {
                if (!IsRuntimeType(attribute.AttributeClass, PackAttribute) || attribute.ConstructorArguments.Length != 2
                    || attribute.ConstructorArguments[0].Value is not INamedTypeSymbol packType)
                    continue;
                var packName = attribute.ConstructorArguments[1].Value as string ?? assembly.Name;
                var packNamespace = packType.ContainingNamespace.ToDisplayString();
                foreach (var @class in Linkable)
                    foreach (var type in packType.ContainingNamespace.GetTypeMembers(@class.ToString()))
                        Collect(type, @class, packName, packNamespace, entities);
            }
        }
        // Stable order whatever order the references come in; when two packs share an id, the pack whose
        // name sorts first answers it (EntityIndex keeps the first).
        return new ReferencedPacksModel(entities
            .OrderBy(e => e.Id, StringComparer.Ordinal)
            .ThenBy(e => e.Pack, StringComparer.Ordinal)
            .ThenBy(e => e.Member, StringComparer.Ordinal)
            .ToEquatableArray());
    }

    private static bool ReferencesRuntime(IAssemblySymbol assembly)
    {
        foreach (var module in assembly.Modules)
            foreach (var reference in module.ReferencedAssemblies)
                if (reference.Name == RuntimeNamespace)
                    return true;
        return false;
    }

    // Compares names instead of formatting each attribute's full name, which would allocate per attribute.
    private static bool IsRuntimeType(INamedTypeSymbol? type, string name) =>
        type is { Name: var n, ContainingNamespace: { Name: RuntimeNamespace, ContainingNamespace.IsGlobalNamespace: true } } && n == name;

    private static void Collect(INamedTypeSymbol type, EntityClass @class, string pack, string ns, List<ExternalEntity> entities)
    {
        if (type.DeclaredAccessibility != Accessibility.Public)
            return;
        var typeName = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        // A kind too large for one class keeps members in base classes too, still reached through the kind's class.
        for (var declaring = type; declaring is not null && declaring.SpecialType != SpecialType.System_Object; declaring = declaring.BaseType)
            CollectDeclared(declaring, typeName, @class, pack, ns, entities);
    }

    private static void CollectDeclared(INamedTypeSymbol type, string typeName, EntityClass @class, string pack, string ns, List<ExternalEntity> entities)
    {
        foreach (var member in type.GetMembers())
        {
            if (member is not IPropertySymbol { IsStatic: true, DeclaredAccessibility: Accessibility.Public } property)
                continue;
            foreach (var attribute in property.GetAttributes())
            {
                if (IsRuntimeType(attribute.AttributeClass, IdAttribute) && attribute.ConstructorArguments.Length == 1
                    && attribute.ConstructorArguments[0].Value is string id && Naming.IsValidId(id))
                    entities.Add(new ExternalEntity(id, @class, typeName + "." + property.Name, pack, ns, NameOf(attribute)));
            }
        }
    }

    // The entity's name, a named argument the generator writes since packs carry names; null in a pack built
    // before (or an empty name), whose entities this pack's doc comments name by id.
    private static string? NameOf(AttributeData attribute)
    {
        foreach (var argument in attribute.NamedArguments)
            if (argument.Key == "Name")
                return argument.Value.Value is string { Length: > 0 } name ? name : null;
        return null;
    }
}
