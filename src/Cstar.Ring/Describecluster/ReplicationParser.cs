using System.Collections.Immutable;
using Cstar.Core.Replication;
using Cstar.Ring.Parsing;

namespace Cstar.Ring.Describecluster;

/// <summary>Reads "Replication class: NetworkTopologyStrategy {dc2=1, dc1=2}" into a <see cref="KeyspaceDefinition"/>.</summary>
internal static class ReplicationParser
{
    public static bool TryParse(string keyspace, ReadOnlySpan<char> classAndOptions, out KeyspaceDefinition? definition, out string problem)
    {
        definition = null;
        problem = string.Empty;
        var brace = classAndOptions.IndexOf('{');
        if (brace < 0 || classAndOptions[^1] != '}')
        {
            problem = "replication options are not in {...}";
            return false;
        }

        var className = classAndOptions[..brace].Trim();
        var dot = className.LastIndexOf('.');
        var shortName = dot >= 0 ? className[(dot + 1)..] : className;
        var replicationClass = shortName switch
        {
            "SimpleStrategy" => ReplicationClass.Simple,
            "NetworkTopologyStrategy" => ReplicationClass.NetworkTopology,
            "LocalStrategy" => ReplicationClass.Local,
            _ => ReplicationClass.Other,
        };
        if (shortName.IsEmpty)
        {
            problem = "no replication class";
            return false;
        }

        var factors = ImmutableSortedDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        var options = classAndOptions[(brace + 1)..^1];
        foreach (var part in options.Split(','))
        {
            var option = options[part].Trim();
            if (option.IsEmpty)
            {
                if (options.Trim().IsEmpty)
                {
                    break;
                }

                problem = "an empty replication option";
                return false;
            }

            var equals = option.IndexOf('=');
            if (equals <= 0)
            {
                problem = "a replication option without '='";
                return false;
            }

            var key = option[..equals].Trim().ToString();
            var value = option[(equals + 1)..].Trim();

            // Transient replication (4.0+) prints "3/1": three replicas of which one transient.
            var slash = value.IndexOf('/');
            var full = slash >= 0 ? value[..slash] : value;
            if (SpanText.TryParseInt(full, out var factor))
            {
                factors[key] = factor;
            }
            else if (replicationClass is ReplicationClass.Simple or ReplicationClass.NetworkTopology)
            {
                problem = $"replication factor '{ParseError.Show(value)}' for '{key}' is not a number";
                return false;
            }
        }

        definition = new KeyspaceDefinition(keyspace, replicationClass, factors.ToImmutable());
        return true;
    }
}
