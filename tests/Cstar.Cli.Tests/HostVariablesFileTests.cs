using Cstar.Cli.Jobs;
using Cstar.Core.Errors;
using FluentAssertions;
using Xunit;

namespace Cstar.Cli.Tests;

public sealed class HostVariablesFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cstar-hostvars-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static CstarException Refused(string json)
    {
        var parse = () => HostVariablesFile.Parse("vars.json", json);
        return parse.Should().Throw<CstarException>().Which;
    }

    [Fact]
    public void A_well_formed_file_gives_each_host_its_variables_in_file_order_and_numbers_as_their_json_text()
    {
        var file = HostVariablesFile.Parse("vars.json", """
            // comments are allowed
            {
              "10.0.0.2": { "token": "t2", "weight": 1.50, "on": true, "off": false },
              "node1.example.org": { "token": "{{not-expanded}}", "empty": "" }
            }
            """);

        file.Entries.Select(e => e.Key).Should().Equal("10.0.0.2", "node1.example.org");
        file.Entries[0].Value.Should().Equal(new Dictionary<string, string> { ["token"] = "t2", ["weight"] = "1.50", ["on"] = "true", ["off"] = "false" });
        file.Entries[1].Value["token"].Should().Be("{{not-expanded}}");
        file.Entries[1].Value["empty"].Should().BeEmpty();
    }

    [Fact]
    public void Malformed_json_is_a_usage_error_naming_the_file_line_and_position()
    {
        var error = Refused("{\n  \"10.0.0.1\": {\"a\": \"x\"\n  \"b\": 1}\n}");

        error.ExitCode.Should().Be(ExitCode.Usage);
        error.Message.Should().StartWith("--hosts-variables vars.json is not valid JSON at line 3, position 3");
        error.Hint.Should().Contain("{\"<node address>\": {\"<name>\": \"<value>\"}}");
    }

    [Fact]
    public void A_trailing_comma_is_named_without_dotnets_advice_to_change_the_reader_options()
    {
        var error = Refused("{\"10.0.0.1\": {\"a\": \"x\"},}");

        error.Message.Should().Contain("is not valid JSON at line 1, position").And.Contain("trailing comma").And.NotContain("reader options").And.NotContain("LineNumber");
    }

    [Theory]
    [InlineData("[]", "must be a JSON object of hosts, not an array")]
    [InlineData("\"x\"", "must be a JSON object of hosts, not a string")]
    [InlineData("{\"10.0.0.1\": \"x\"}", "host '10.0.0.1': expected an object of variables, got a string")]
    [InlineData("{\"10.0.0.1\": {\"a\": {\"b\": \"c\"}}}", "host '10.0.0.1', variable 'a': the value must be a string (or a number or true/false), not an object")]
    [InlineData("{\"10.0.0.1\": {\"a\": [\"x\"]}}", "variable 'a': the value must be a string (or a number or true/false), not an array")]
    [InlineData("{\"10.0.0.1\": {\"a\": null}}", "variable 'a': the value must be a string (or a number or true/false), not null")]
    [InlineData("{\"10.0.0.1\": {\"a{\": \"x\"}}", "variable 'a{': a name must be non-empty and without braces")]
    [InlineData("{\"10.0.0.1\": {\"\": \"x\"}}", "a name must be non-empty and without braces")]
    [InlineData("{\"10.0.0.1\": {\"a\": \"x\", \"a\": \"y\"}}", "host '10.0.0.1', variable 'a' is given twice")]
    [InlineData("{\"10.0.0.1\": {}, \"10.0.0.1\": {}}", "names host '10.0.0.1' twice")]
    [InlineData("{\" \": {}}", "has an empty host key")]
    public void A_file_of_the_wrong_shape_is_refused_saying_where(string json, string problem)
    {
        var error = Refused(json);

        error.ExitCode.Should().Be(ExitCode.Usage);
        error.Message.Should().Contain(problem).And.StartWith("--hosts-variables vars.json ");
    }

    [Fact]
    public void A_missing_file_is_a_usage_error_naming_it()
    {
        var path = Path.Combine(_dir, "nope.json");
        var read = () => HostVariablesFile.Read(path);

        read.Should().Throw<CstarException>().Where(e => e.ExitCode == ExitCode.Usage && e.Message.Contains("Cannot read --hosts-variables " + path));
    }

    [Fact]
    public void No_flag_means_no_file() => HostVariablesFile.Read(null).Should().BeNull();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Cstar_and_cstarpar_refuse_a_malformed_file_before_contacting_any_host(bool cstarpar)
    {
        var path = Path.Combine(_dir, "bad.json");
        await File.WriteAllTextAsync(path, "{\"127.0.0.1\": {\"a\": }");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        string[] common = ["--seed-host", "127.0.0.1", "--ssh-port", "1", "--hosts-variables", path];

        var code = cstarpar
            ? await CliApplication.RunAsync([.. common, "--", "echo", "{{a}}"], CliFlavor.Cstarpar, stdout, stderr)
            : await CliApplication.RunAsync(["run", "--command", "echo {{a}}", .. common], CliFlavor.Cstar, stdout, stderr);

        code.Should().Be((int)ExitCode.Usage, stderr.ToString());
        stderr.ToString().Should().Contain($"error: --hosts-variables {path} is not valid JSON at line 1, position 21: '}}' is an invalid start of a value.\n").And.Contain("hint: ");
        stdout.ToString().Should().NotContain("Job id");
    }
}
