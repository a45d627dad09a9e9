using Cstar.Cli.Jobs;
using Cstar.TestKit.Execution;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Cli.Tests.Jobs;

/// <summary>--resolve-hostnames: names for display and folder links, bounded in time, every fallback to the address said once.</summary>
public sealed class HostDisplayNamesTests : IDisposable
{
    private readonly FakeHostNameLookup _lookup = new();
    private readonly ManualClock _clock = new();
    private readonly StringWriter _notes = new();
    private readonly string _jobFolder = Directory.CreateTempSubdirectory("cstar-names-").FullName;

    public void Dispose()
    {
        _notes.Dispose();
        Directory.Delete(_jobFolder, recursive: true);
    }

    private Task<HostDisplayNames> ResolveAsync(params string[] addresses) =>
        HostDisplayNames.ResolveAsync(addresses, _lookup, _clock, _notes, CancellationToken.None);

    [Fact]
    public async Task Hosts_with_a_name_are_shown_by_it_and_one_without_keeps_its_address_with_a_note()
    {
        _lookup.Names["10.0.0.1"] = "cass-1.example.com";
        _lookup.Failures["10.0.0.3"] = new InvalidOperationException("resolver gone");

        var names = await ResolveAsync("10.0.0.1", "10.0.0.2", "10.0.0.3").WaitAsync(TimeSpan.FromSeconds(10));

        names.Of("10.0.0.1").Should().Be("cass-1.example.com");
        names.Of("10.0.0.2").Should().Be("10.0.0.2");
        names.Of("10.0.0.3").Should().Be("10.0.0.3");
        _notes.ToString().Should().Be("note: --resolve-hostnames: 2 of 3 host(s) shown by address: no name (10.0.0.2); lookup failed: resolver gone (10.0.0.3)\n");
    }

    [Fact]
    public async Task A_resolver_that_never_answers_is_given_up_after_the_limit_and_the_job_goes_on_with_addresses()
    {
        _lookup.Names["10.0.0.1"] = "cass-1";
        _lookup.Silent.Add("10.0.0.2");

        var resolving = ResolveAsync("10.0.0.1", "10.0.0.2");
        resolving.IsCompleted.Should().BeFalse("the silent lookup holds it until the limit");
        _clock.Advance(HostDisplayNames.Limit);
        var names = await resolving.WaitAsync(TimeSpan.FromSeconds(10));

        names.Of("10.0.0.1").Should().Be("cass-1");
        names.Of("10.0.0.2").Should().Be("10.0.0.2");
        _notes.ToString().Should().Contain("1 of 2 host(s) shown by address: no answer within 2s (10.0.0.2)");
    }

    [Fact]
    public async Task Two_hosts_that_share_a_name_keep_their_addresses()
    {
        _lookup.Names["10.0.0.1"] = "vip.example";
        _lookup.Names["10.0.0.2"] = "VIP.example";

        var names = await ResolveAsync("10.0.0.1", "10.0.0.2").WaitAsync(TimeSpan.FromSeconds(10));

        names.Names.Should().BeEmpty();
        _notes.ToString().Should().Contain("is the name of another host too");
    }

    [Fact]
    public async Task A_name_that_cannot_name_a_folder_is_not_used()
    {
        _lookup.Names["10.0.0.1"] = "../../etc";

        var names = await ResolveAsync("10.0.0.1").WaitAsync(TimeSpan.FromSeconds(10));

        names.Of("10.0.0.1").Should().Be("10.0.0.1");
    }

    [Fact]
    public async Task Each_named_host_gets_a_folder_link_to_its_address_folder_and_a_second_run_keeps_it()
    {
        _lookup.Names["10.0.0.1"] = "cass-1.example.com";
        var names = await ResolveAsync("10.0.0.1").WaitAsync(TimeSpan.FromSeconds(10));
        Directory.CreateDirectory(Path.Combine(_jobFolder, "10.0.0.1"));
        await File.WriteAllTextAsync(Path.Combine(_jobFolder, "10.0.0.1", "out"), "hello");

        await HostFolderLinks.CreateAsync(_jobFolder, names, _notes);
        await HostFolderLinks.CreateAsync(_jobFolder, names, _notes);

        new DirectoryInfo(Path.Combine(_jobFolder, "cass-1.example.com")).LinkTarget.Should().Be("10.0.0.1");
        (await File.ReadAllTextAsync(Path.Combine(_jobFolder, "cass-1.example.com", "out"))).Should().Be("hello");
        _notes.ToString().Should().BeEmpty();
    }
}
