using System.Text;
using Mono.Cecil;
using Xunit.Abstractions;

namespace AssetAuction.UnitTests.Service;

/// <summary>
/// The service's areas (the namespaces AssetAuction.Service.&lt;Area&gt;, one per folder) depend on each other
/// one way only; the README's layout section draws the direction. The references are read from the compiled
/// assembly with Mono.Cecil: base types, interfaces, attributes, fields, properties, events, method signatures,
/// generic arguments and constraints, and every type, method and field a method body names (locals, calls,
/// casts, typeof, catch clauses; lambdas and async state machines are nested types, so they count for the
/// type that holds them). What the IL does not keep is not seen: a constant inlined from another area
/// (a const string or number) leaves no reference behind, and neither does a `using` that nothing uses.
/// </summary>
public sealed class AreaDependencyTests(ITestOutputHelper output)
{
    private const string Prefix = "AssetAuction.Service.";

    [Fact]
    public void The_areas_of_the_service_depend_on_each_other_without_cycles()
    {
        var edges = AreaReferences();
        Assert.True(edges.Count > 10, "The reader found almost no references between areas; it is not reading the assembly.");

        var cycles = Cycles(edges.Keys.ToList());
        output.WriteLine(Graph(edges));

        Assert.True(cycles.Count == 0, Describe(cycles, edges));
    }

    [Fact]
    public void The_cycle_finder_finds_a_cycle_and_only_a_cycle()
    {
        Assert.Empty(Cycles([("Seizures", "Data"), ("Pipeline", "Seizures"), ("Pipeline", "Data")]));

        var cycle = Assert.Single(Cycles([("Seizures", "Data"), ("Pipeline", "Seizures"), ("Data", "Pipeline"), ("Audit", "Data")]));
        Assert.Equal(["Data", "Pipeline", "Seizures"], cycle.Order());
    }

    /// <summary>Each (from, to) pair of areas with one reference that makes it, for the failure message.</summary>
    internal static Dictionary<(string From, string To), string> AreaReferences()
    {
        var location = typeof(Program).Assembly.Location;
        using var assembly = AssemblyDefinition.ReadAssembly(location);
        var edges = new Dictionary<(string, string), string>();
        foreach (var type in assembly.MainModule.GetTypes())
        {
            if (AreaOf(type) is not { } from)
            {
                continue;
            }

            foreach (var (where, referenced) in ReferencesOf(type))
            {
                foreach (var to in AreasIn(referenced))
                {
                    if (to != from)
                    {
                        edges.TryAdd((from, to), $"{type.FullName}{where} uses {referenced.FullName}");
                    }
                }
            }
        }

        return edges;
    }

    private static IEnumerable<(string Where, TypeReference Type)> ReferencesOf(TypeDefinition type)
    {
        if (type.BaseType is { } baseType)
        {
            yield return (" (base type)", baseType);
        }

        foreach (var implemented in type.Interfaces)
        {
            yield return (" (interface)", implemented.InterfaceType);
        }

        foreach (var reference in AttributesAndConstraints(type.CustomAttributes, type.GenericParameters))
        {
            yield return ("", reference);
        }

        foreach (var field in type.Fields)
        {
            yield return ($".{field.Name}", field.FieldType);
        }

        foreach (var property in type.Properties)
        {
            yield return ($".{property.Name}", property.PropertyType);
        }

        foreach (var e in type.Events)
        {
            yield return ($".{e.Name}", e.EventType);
        }

        foreach (var method in type.Methods)
        {
            foreach (var reference in ReferencesOf(method))
            {
                yield return ($".{method.Name}", reference);
            }
        }
    }

    private static IEnumerable<TypeReference> ReferencesOf(MethodDefinition method)
    {
        yield return method.ReturnType;
        foreach (var parameter in method.Parameters)
        {
            yield return parameter.ParameterType;
        }

        foreach (var reference in AttributesAndConstraints(method.CustomAttributes, method.GenericParameters))
        {
            yield return reference;
        }

        if (!method.HasBody)
        {
            yield break;
        }

        foreach (var variable in method.Body.Variables)
        {
            yield return variable.VariableType;
        }

        foreach (var handler in method.Body.ExceptionHandlers)
        {
            if (handler.CatchType is { } caught)
            {
                yield return caught;
            }
        }

        foreach (var instruction in method.Body.Instructions)
        {
            switch (instruction.Operand)
            {
                case TypeReference t:
                    yield return t;
                    break;
                case MethodReference m:
                    yield return m.DeclaringType;
                    yield return m.ReturnType;
                    foreach (var parameter in m.Parameters)
                    {
                        yield return parameter.ParameterType;
                    }

                    if (m is GenericInstanceMethod generic)
                    {
                        foreach (var argument in generic.GenericArguments)
                        {
                            yield return argument;
                        }
                    }

                    break;
                case FieldReference f:
                    yield return f.DeclaringType;
                    yield return f.FieldType;
                    break;
                default:
                    break;
            }
        }
    }

    private static IEnumerable<TypeReference> AttributesAndConstraints(IEnumerable<CustomAttribute> attributes, IEnumerable<GenericParameter> parameters)
    {
        foreach (var attribute in attributes)
        {
            yield return attribute.AttributeType;
            foreach (var argument in attribute.ConstructorArguments)
            {
                if (argument.Value is TypeReference named)
                {
                    yield return named;
                }
            }
        }

        foreach (var constraint in parameters.SelectMany(p => p.Constraints))
        {
            yield return constraint.ConstraintType;
        }
    }

    /// <summary>The areas a type reference names: the type itself and, for a constructed type, every type in it.</summary>
    private static IEnumerable<string> AreasIn(TypeReference type)
    {
        switch (type)
        {
            case GenericInstanceType generic:
                foreach (var area in AreasIn(generic.ElementType).Concat(generic.GenericArguments.SelectMany(AreasIn)))
                {
                    yield return area;
                }

                yield break;
            case TypeSpecification specification: // arrays, by-ref, pointers, modifiers
                foreach (var area in AreasIn(specification.ElementType))
                {
                    yield return area;
                }

                yield break;
            case GenericParameter:
                yield break;
            default:
                if (AreaOf(type) is { } own)
                {
                    yield return own;
                }

                yield break;
        }
    }

    /// <summary>"Pipeline" for AssetAuction.Service.Pipeline.RecordValuation (and its nested types); null outside the areas.</summary>
    private static string? AreaOf(TypeReference type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type.Namespace.StartsWith(Prefix, StringComparison.Ordinal) ? type.Namespace[Prefix.Length..].Split('.')[0] : null;
    }

    /// <summary>The strongly connected groups of more than one area (Tarjan): each is a cycle, or several sharing areas.</summary>
    internal static List<HashSet<string>> Cycles(IReadOnlyCollection<(string From, string To)> edges)
    {
        var next = edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).Distinct().Order(StringComparer.Ordinal).ToList());
        var nodes = edges.SelectMany(e => new[] { e.From, e.To }).Distinct().Order(StringComparer.Ordinal).ToList();
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var cycles = new List<HashSet<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            foreach (var to in next.GetValueOrDefault(node) ?? [])
            {
                if (!index.TryGetValue(to, out var seen))
                {
                    Visit(to);
                    low[node] = Math.Min(low[node], low[to]);
                }
                else if (stack.Contains(to))
                {
                    low[node] = Math.Min(low[node], seen);
                }
            }

            if (low[node] == index[node])
            {
                var group = new HashSet<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    group.Add(member);
                }
                while (member != node);
                if (group.Count > 1)
                {
                    cycles.Add(group);
                }
            }
        }

        foreach (var node in nodes.Where(n => !index.ContainsKey(n)))
        {
            Visit(node);
        }

        return cycles;
    }

    private static string Describe(List<HashSet<string>> cycles, Dictionary<(string From, string To), string> edges)
    {
        var text = new StringBuilder("The areas depend on each other in a cycle; break it by moving the shared piece to the area both may use:");
        foreach (var cycle in cycles)
        {
            text.AppendLine().Append(" cycle among ").AppendJoin(", ", cycle.Order(StringComparer.Ordinal)).Append(':');
            foreach (var ((from, to), example) in edges.Where(e => cycle.Contains(e.Key.From) && cycle.Contains(e.Key.To)).OrderBy(e => e.Key))
            {
                text.AppendLine().Append("  ").Append(from).Append(" -> ").Append(to).Append(": ").Append(example);
            }
        }

        return text.AppendLine().Append(Graph(edges)).ToString();
    }

    /// <summary>Each area with the areas it uses, one line each.</summary>
    private static string Graph(Dictionary<(string From, string To), string> edges)
    {
        var text = new StringBuilder("Every dependency between areas:");
        foreach (var group in edges.Keys.GroupBy(e => e.From).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine().Append("  ").Append(group.Key).Append(" -> ").AppendJoin(" ", group.Select(e => e.To).Order(StringComparer.Ordinal));
        }

        return text.ToString();
    }
}
