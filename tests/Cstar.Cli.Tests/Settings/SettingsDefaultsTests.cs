using Cstar.Cli.Arguments;
using Cstar.Cli.Settings;
using Cstar.Cli.Verbs;
using Cstar.Core.Errors;
using FluentAssertions;
using Xunit;

namespace Cstar.Cli.Tests.Settings;

/// <summary>cstar.json files and CSTAR_* variables give job flags their defaults; the command line wins; a password never comes from them.</summary>
public sealed class SettingsDefaultsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cstar-settings-").FullName;
    private readonly string _prefix = "CSTARTEST" + Guid.NewGuid().ToString("N")[..8] + "_";
    private readonly List<string> _variables = [];

    public void Dispose()
    {
        foreach (var name in _variables)
        {
            Environment.SetEnvironmentVariable(name, null);
        }

        Directory.Delete(_directory, recursive: true);
    }

    private SettingsSources Sources(string? system = null, string? user = null)
    {
        var sources = new SettingsSources(Path.Combine(_directory, "etc.json"), Path.Combine(_directory, "user.json"), _prefix);
        if (system is not null)
        {
            File.WriteAllText(sources.SystemFile, system);
        }

        if (user is not null)
        {
            File.WriteAllText(sources.UserFile, user);
        }

        return sources;
    }

    private void Variable(string name, string value)
    {
        _variables.Add(_prefix + name);
        Environment.SetEnvironmentVariable(_prefix + name, value);
    }

    private static (JobOptions Options, IReadOnlyList<string> Words) Apply(SettingsSources sources, params string[] args)
    {
        var syntax = VerbSyntaxes.Command("run", Core.Commands.CommandHeader.Empty("run"));
        var parsed = ArgumentParser.Parse<JobOptions>(syntax, args);
        var words = SettingsDefaults.Apply(parsed, syntax, CstarSettings.Load(sources));
        return (parsed.Options, words);
    }

    [Fact]
    public void The_users_file_sets_defaults_over_the_system_file_and_a_flag_overrides_both()
    {
        var sources = Sources(system: """{"ssh-username": "root", "strategy": "all", "keep-consistency": "ONE"}""", user: """{"ssh-username": "cassandra", "strategy": "one"}""");

        var (options, _) = Apply(sources, "--strategy", "topology");

        options.SshUsername.Should().Be("cassandra");
        options.KeepConsistency.Should().Be("ONE");
        options.Strategy.Should().Be("topology");
    }

    [Fact]
    public void An_environment_variable_overrides_the_files()
    {
        var sources = Sources(user: """{"jump-host": "bastion1"}""");
        Variable("JUMP_HOST", "bastion2");
        Variable("SSH_KNOWN_HOSTS", "/tmp/kh");

        var (options, _) = Apply(sources);

        options.JumpHost.Should().Be("bastion2");
        options.SshKnownHosts.Should().Be("/tmp/kh");
    }

    [Fact]
    public void A_cluster_alias_gives_its_seeds_and_its_own_settings_over_the_global_ones()
    {
        var sources = Sources(user: """{"ssh-username": "ops", "clusters": {"prod": {"seed-host": ["10.0.0.1", "10.0.0.2"], "ssh-username": "cassandra"}}}""");

        var (options, _) = Apply(sources, "--cluster", "prod");

        options.SeedHosts.Should().Equal("10.0.0.1", "10.0.0.2");
        options.SshUsername.Should().Be("cassandra");
    }

    [Fact]
    public void The_defaults_come_back_as_flag_words_so_continue_reads_the_same_options()
    {
        var sources = Sources(user: """{"seed-host": ["a", "b"], "wait-for-cql": true, "max-concurrency": 3, "verbose": 2}""");

        var (options, words) = Apply(sources);
        var again = ArgumentParser.Parse<JobOptions>(VerbSyntaxes.StoredJobFlags, words).Options;

        again.SeedHosts.Should().Equal(options.SeedHosts).And.Equal("a", "b");
        again.WaitForCql.Should().BeTrue();
        again.MaxConcurrency.Should().Be(3);
        again.Verbose.Should().Be(2);
    }

    [Fact]
    public void A_password_and_the_names_cstar_exports_to_its_commands_are_never_settings()
    {
        var sources = Sources();
        Variable("SSH_PASSWORD", "hunter2");
        Variable("HOST", "10.9.9.9");

        var (options, words) = Apply(sources, "--seed-host", "a");

        options.SshPassword.Should().BeNull();
        options.Hosts.Should().BeEmpty();
        words.Should().BeEmpty();
    }

    [Fact]
    public void A_misspelt_key_in_a_file_is_refused_with_the_closest_flag()
    {
        var sources = Sources(user: """{"stratgy": "one"}""");

        var act = () => CstarSettings.Load(sources);

        act.Should().Throw<CstarException>().Where(e => e.Message.Contains("`stratgy` is not a setting; did you mean `strategy`?") && e.ExitCode == ExitCode.Usage);
    }

    [Fact]
    public void A_flag_that_loosens_a_safety_rule_is_refused_as_a_standing_default()
    {
        var sources = Sources(user: """{"ignore-down-nodes": true}""");
        Variable("FORCE", "true");

        var act = () => CstarSettings.Load(sources);

        act.Should().Throw<CstarException>().Where(e => e.Message.Contains("loosens a safety rule"));
        File.Delete(sources.UserFile);
        var (options, _) = Apply(sources, "--seed-host", "a");
        options.Force.Should().BeFalse("CSTAR_FORCE is not read either");
    }

    [Fact]
    public async Task Config_show_prints_each_effective_value_and_where_it_comes_from()
    {
        var sources = Sources(user: """{"ssh-identity-file": "/keys/id", "clusters": {"prod": {"seed-host": "10.0.0.1"}}}""");
        Variable("STRATEGY", "one");
        using var stdout = new StringWriter();

        await new ConfigVerb(stdout).RunAsync(new ConfigOptions { Action = "show" }, CstarSettings.Load(sources));

        var text = stdout.ToString();
        text.Should().MatchRegex(@"ssh-identity-file +/keys/id +from .*user\.json");
        text.Should().MatchRegex($@"strategy +one +from environment {_prefix}STRATEGY");
        text.Should().Contain("Cluster aliases (use with --cluster NAME): prod");
    }
}
