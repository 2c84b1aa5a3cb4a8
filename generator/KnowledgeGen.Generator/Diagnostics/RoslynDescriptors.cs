using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace KnowledgeGen.Generator.Diagnostics;

/// <summary>The catalog's rules as Roslyn descriptors; used only at the output stage.</summary>
internal static class RoslynDescriptors
{
    private static readonly Dictionary<string, DiagnosticDescriptor> s_descriptors = Build();

    public static DiagnosticDescriptor For(DiagnosticRule rule) => s_descriptors[rule.Id];

    private static Dictionary<string, DiagnosticDescriptor> Build()
    {
        var descriptors = new Dictionary<string, DiagnosticDescriptor>();
        foreach (var rule in DiagnosticRules.All)
            descriptors.Add(rule.Id, new DiagnosticDescriptor(rule.Id, rule.Title, rule.MessageFormat, rule.Category,
                rule.Severity switch
                {
                    RuleSeverity.Error => DiagnosticSeverity.Error,
                    RuleSeverity.Warning => DiagnosticSeverity.Warning,
                    _ => DiagnosticSeverity.Info,
                },
                isEnabledByDefault: true, helpLinkUri: rule.HelpLink));
        return descriptors;
    }
}
