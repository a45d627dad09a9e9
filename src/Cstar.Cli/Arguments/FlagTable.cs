using System.Collections.Concurrent;
using System.Reflection;

namespace Cstar.Cli.Arguments;

/// <summary>
/// The flags of an options class, read from its `[Option]` attributes, so an option class stays the one place
/// where a flag is declared; optionally narrowed to the flags a verb really uses.
/// </summary>
internal sealed class FlagTable
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<FlagSpec>> Cache = new();

    private FlagTable(Type optionsType, IReadOnlyList<FlagSpec> flags)
    {
        OptionsType = optionsType;
        Flags = flags;
    }

    public Type OptionsType { get; }

    public IReadOnlyList<FlagSpec> Flags { get; }

    public static FlagTable Of(Type optionsType, Func<FlagSpec, bool>? keep = null) =>
        new(optionsType, [.. Cache.GetOrAdd(optionsType, Read).Where(f => keep is null || keep(f))]);

    public FlagSpec? Find(string name) => Flags.FirstOrDefault(f => f.Name == name);

    public FlagSpec? FindShort(char name) => Flags.FirstOrDefault(f => f.Short == name);

    /// <summary>The `[Value]` properties, by index: the positional arguments of continue and jobs.</summary>
    public IReadOnlyList<PropertyInfo> Positionals =>
        [.. OptionsType.GetProperties()
            .Select(p => (Property: p, Value: p.GetCustomAttribute<ValueAttribute>()))
            .Where(p => p.Value is not null)
            .OrderBy(p => p.Value!.Index)
            .Select(p => p.Property)];

    private static IReadOnlyList<FlagSpec> Read(Type type) =>
        [.. type.GetProperties()
            .Select(p => (Property: p, Option: p.GetCustomAttribute<OptionAttribute>()))
            .Where(p => p.Option is not null)
            .Select(p => new FlagSpec(
                p.Option!.LongName,
                p.Option.ShortName,
                KindOf(p.Property, p.Option),
                p.Property,
                p.Option.HelpText ?? string.Empty,
                p.Option.Hidden)
            { Separator = p.Option.Separator == '\0' ? null : p.Option.Separator })];

    private static FlagKind KindOf(PropertyInfo property, OptionAttribute option) =>
        property.PropertyType == typeof(bool) ? FlagKind.Switch
        : option.FlagCounter ? FlagKind.Counter
        : property.PropertyType != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(property.PropertyType) ? FlagKind.List
        : FlagKind.Value;
}
