using Xunit;

namespace Cstar.TestKit.Requirements;

/// <summary>
/// The public nodetool samples live beside the checkout (../shared/nodetool-samples/public) and are never copied
/// into it: a clone without them reports the tests that read them as skipped, with this reason.
/// </summary>
public static class PublicSamplesRequirement
{
    public static void SkipUnlessPresent() => Skip.IfNot(
        Directory.Exists(Fixtures.PublicSamplesDirectory),
        $"the public nodetool samples are not beside this checkout ({Fixtures.PublicSamplesDirectory} does not exist)");
}
