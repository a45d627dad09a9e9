using System.Text;
using Cstar.Core.Errors;
using Cstar.Ring.Describecluster;
using Cstar.Ring.Describering;
using Cstar.Ring.Discovery;
using Cstar.Ring.Info;
using Cstar.Ring.Status;
using Cstar.TestKit;
using FluentAssertions;
using Xunit;

namespace Cstar.Ring.Tests;

/// <summary>
/// Feeds 100,000+ mutated real outputs to every parser: each must return a result or throw a
/// CstarException, never anything else (no IndexOutOfRange, no FormatException, no hang). Deterministic seed.
/// </summary>
public sealed class ParserFuzzTests
{
    private const int Iterations = 105_000;

    private static readonly string[] Tokens =
    [
        "?", "UN", "DN", "UJ", "?N", "::1", "[", "]", "(", ")", ", ", ":", "=", "%", "-", "--", "#Nodes:", " #Down: ", "Datacenter: ",
        "TokenRange(", "EndpointDetails(", "endpoints:[", "start_token:", "Keyspace : ", "ID : ", "Token : ", "\t", "  ", "\r",
        "99999999999999999999999999", "-0", "1e309", "NaN", "100.0%", "KiB", "bytes", "[::1]:7000", "127.0.0.1:99999", "\u0000",
        "é", "𝄞", "\ud800", "\u200b", "Ω", "Error: boom", "Note: x", "==========", "Address", "Host ID", "Replication class: ",
        "{", "}", "/127.0.0.1", "fe80::1%eth0",
    ];

    private static readonly (string Name, Func<string, object> Parse, string[] Inputs)[] Parsers =
    [
        ("status", t => StatusParser.Parse(t), [Real("3.11.10", "status-node3-DN.txt"), Real("4.0-alpha4", "status-UJ-node3-joining-dc2.txt"), Real("4.0-alpha4", "status-resolve-ip.txt")]),
        ("describering", t => DescriberingParser.Parse(t), [Head(Real("3.11.10", "describering-acc_nts.txt"), 6), Head(Real("4.0-alpha4", "describering-system_auth.txt"), 6)]),
        ("describecluster", t => DescribeclusterParser.Parse(t), [Real("3.11.10", "describecluster-node3-DN.txt"), Real("4.0-alpha4", "describecluster-node3-DN.txt")]),
        ("version", t => VersionParser.Parse(t), [Real("4.0-alpha4", "version.txt")]),
        ("tablestats", t => TablestatsKeyspaceParser.Parse(t), ["Total number of tables: 3\n----------------\nKeyspace : system_auth\n\tRead Count: 0\nKeyspace : acc_nts\n"]),
    ];

    [Fact]
    public void Every_parser_returns_a_result_or_a_CstarException_for_any_mutation_of_real_output()
    {
        var random = new Random(20260611);
        var unexpected = new List<string>();
        var outcomes = new Dictionary<string, (int Ok, int Rejected)>();
        for (var i = 0; i < Iterations; i++)
        {
            var (name, parse, inputs) = Parsers[i % Parsers.Length];
            var text = Mutate(inputs[random.Next(inputs.Length)], random);
            var (ok, rejected) = outcomes.GetValueOrDefault(name);
            try
            {
                var result = parse(text);
                ok++;
                if (result is StatusOutput status)
                {
                    NoRowDropped(text, status).Should().BeTrue($"every row-like line must become an entry:\n{text}");
                }
            }
            catch (CstarException e)
            {
                rejected++;
                e.Message.Should().Contain(name == "version" || name == "tablestats" ? "nodetool" : $"'nodetool {name}");
            }
            catch (Exception e) when (unexpected.Count < 5)
            {
                unexpected.Add($"{name}: {e.GetType().Name}: {e.Message}\n--- input ---\n{text}");
            }

            outcomes[name] = (ok, rejected);
        }

        unexpected.Should().BeEmpty();
        outcomes.Values.Sum(o => o.Ok + o.Rejected).Should().Be(Iterations);
        outcomes.Should().OnlyContain(kv => kv.Value.Ok > 0 && kv.Value.Rejected > 0, "mutations should both keep and break the outputs");
    }

    /// <summary>No silent drop: a successful status parse has one entry per line that starts like a node row.</summary>
    private static bool NoRowDropped(string text, StatusOutput status)
    {
        var rowLike = text.Split('\n').Count(l =>
        {
            var t = l.Trim();
            return t.Length >= 3 && t[0] is 'U' or 'D' or '?' && (char.IsAsciiLetterUpper(t[1]) || t[1] == '?') && char.IsWhiteSpace(t[2]);
        });
        return rowLike == status.Entries.Length;
    }

    private static string Mutate(string input, Random random)
    {
        var lines = input.Split('\n').ToList();
        var count = random.Next(1, 4);
        for (var m = 0; m < count && lines.Count > 0; m++)
        {
            var at = random.Next(lines.Count);
            switch (random.Next(7))
            {
                case 0:
                    lines.RemoveAt(at);
                    break;
                case 1:
                    lines.Insert(at, lines[at]);
                    break;
                case 2:
                    (lines[at], lines[random.Next(lines.Count)]) = (lines[random.Next(lines.Count)], lines[at]);
                    break;
                case 3:
                    var joined = string.Join('\n', lines);
                    lines = joined[..random.Next(joined.Length + 1)].Split('\n').ToList();
                    break;
                case 4:
                    lines[at] = Flip(lines[at], random);
                    break;
                case 5:
                    var pos = random.Next(lines[at].Length + 1);
                    lines[at] = lines[at].Insert(pos, Tokens[random.Next(Tokens.Length)]);
                    break;
                default:
                    var start = random.Next(lines[at].Length + 1);
                    var length = random.Next(lines[at].Length - start + 1);
                    lines[at] = lines[at].Remove(start, length);
                    break;
            }
        }

        return string.Join('\n', lines);
    }

    private static string Flip(string line, Random random)
    {
        if (line.Length == 0)
        {
            return "\u00a0";
        }

        var builder = new StringBuilder(line);
        var at = random.Next(line.Length);
        builder[at] = random.Next(4) switch
        {
            0 => (char)random.Next(32, 127),
            1 => (char)random.Next(0x80, 0x3000),
            2 => ' ',
            _ => (char)(line[at] ^ (1 << random.Next(7))),
        };
        return builder.ToString();
    }

    private static string Real(string version, string file) => Fixtures.RealNodetool(version, file);

    private static string Head(string text, int lines) => string.Join('\n', text.Split('\n').Take(lines));
}
