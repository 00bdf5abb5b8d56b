// Generates src/Grains/Topology/chengjiang.json: the county -> township -> village -> grid -> worker
// tree that the grains are seeded from, plus the event categories and the departments that own them.
//
// Usage (from the repo root):
//   dotnet run eng/topology/GenerateTopology.cs -- src/Grains/Topology/chengjiang.json
//
// What is real and what is synthetic is explained in docs/TOPOLOGY.md. In short: the city, the six
// townships and the headline counts come from the 2022 field study; every name below township level,
// the geography and the exact department names are made up.
//
// The output must be byte-identical on every run and every machine, so:
//   * randomness comes from SplitMix64 (defined below) with a fixed seed, not System.Random, whose
//     algorithm belongs to the runtime rather than to this file;
//   * geometry is computed in integer micro-degrees, so every shared edge is one exact value and
//     rounding can never open a gap or an overlap between neighbouring grids;
//   * floating point is limited to IEEE-exact operations (no Math.Cos etc. from the platform libm).

using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

const ulong Seed = 2022;
const string DefaultOutputPath = "src/Grains/Topology/chengjiang.json";

var outputPath = args.Length > 0 ? args[0] : DefaultOutputPath;

var topology = TopologyGenerator.Generate(Seed);
TopologyValidator.Validate(topology);

var directory = Path.GetDirectoryName(Path.GetFullPath(outputPath));
if (directory is not null)
{
    Directory.CreateDirectory(directory);
}

File.WriteAllText(outputPath, TopologyJson.Serialize(topology), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

var villages = topology.Townships.SelectMany(t => t.Villages).ToList();
var grids = villages.SelectMany(v => v.Grids).ToList();
Console.WriteLine(
    $"Wrote {outputPath}: {topology.Townships.Count} townships, {villages.Count} villages, " +
    $"{grids.Count} grids, {grids.Sum(g => g.Workers.Count)} workers.");

// ---------------------------------------------------------------------------------------------
// Output model. Property names become camelCase in JSON (see TopologyJsonContext).
// ---------------------------------------------------------------------------------------------

internal sealed record Topology(
    City City,
    IReadOnlyList<Township> Townships,
    IReadOnlyList<Department> Departments,
    IReadOnlyList<Category> Categories);

internal sealed record City(string Id, string Name, string NameEn);

internal sealed record Township(string Id, string Name, string NameEn, Bounds Bounds, IReadOnlyList<Village> Villages);

internal sealed record Bounds(double South, double West, double North, double East);

internal sealed record Village(string Id, string Name, string Kind, IReadOnlyList<Grid> Grids);

internal sealed record Grid(
    string Id,
    string Name,
    LatLng Centroid,
    IReadOnlyList<LatLng> Polygon,
    IReadOnlyList<Worker> Workers);

internal sealed record LatLng(double Lat, double Lng);

internal sealed record Worker(string Id, string Name, string Role, string Employment);

internal sealed record Department(string Id, string Name, string NameEn, IReadOnlyList<string> Categories);

internal sealed record Category(string Id, string Name, string NameEn, string Priority, string HandledBy);

// ---------------------------------------------------------------------------------------------
// Fixed inputs: the real part (city, townships, counts, study categories) and the hand-picked
// synthetic part (township rectangles, departments).
// ---------------------------------------------------------------------------------------------

// A township row of the input table. Bounds are in micro-degrees (see MicroBox).
internal sealed record TownshipSpec(
    string Id,
    string Name,
    string NameEn,
    int VillageCount,
    int CommunityCount,
    MicroBox Bounds);

internal static class Chengjiang
{
    // Headline counts from the 2022 field study; the generator must hit them exactly.
    public const int VillageTotal = 47;
    public const int GridTotal = 448;
    public const int WorkerTotal = 1318;

    public const int MinGridsPerVillage = 7;
    public const int MaxGridsPerVillage = 12;
    public const int MinWorkersPerGrid = 2;
    public const int MaxWorkersPerGrid = 4;

    public static readonly City City = new("chengjiang", "澄江市", "Chengjiang");

    // The six rectangles tile the county box 24.50-24.86 N x 102.76-103.08 E (a 3 x 3 layout):
    //
    //   24.86 +-----------------------------+----------+
    //         |          yangzong           |          |
    //   24.72 +--------------+--------------+ longjie  |
    //         |    yousuo    |    fenglu    |          |
    //   24.62 +--------------+-----+--------+----------+
    //         |      haikou        |       jiucun      |
    //   24.50 +--------------------+-------------------+
    //      102.76         102.86  102.92  102.96     103.08
    //
    // Fenglu (the city seat) is centred on 24.67 N 102.91 E; Fuxian Lake lies to the south, in the
    // haikou / jiucun band. Communities (社区) come first in each township, so the seat-side strips
    // of a town are its community.
    public static readonly IReadOnlyList<TownshipSpec> Townships =
    [
        new("fenglu", "凤麓街道", "Fenglu Subdistrict", VillageCount: 10, CommunityCount: 7,
            new MicroBox(South: 24_620_000, West: 102_860_000, North: 24_720_000, East: 102_960_000)),
        new("longjie", "龙街街道", "Longjie Subdistrict", VillageCount: 9, CommunityCount: 6,
            new MicroBox(South: 24_620_000, West: 102_960_000, North: 24_860_000, East: 103_080_000)),
        new("yousuo", "右所镇", "Yousuo Town", VillageCount: 9, CommunityCount: 1,
            new MicroBox(South: 24_620_000, West: 102_760_000, North: 24_720_000, East: 102_860_000)),
        new("yangzong", "阳宗镇", "Yangzong Town", VillageCount: 6, CommunityCount: 1,
            new MicroBox(South: 24_720_000, West: 102_760_000, North: 24_860_000, East: 102_960_000)),
        new("haikou", "海口镇", "Haikou Town", VillageCount: 7, CommunityCount: 1,
            new MicroBox(South: 24_500_000, West: 102_760_000, North: 24_620_000, East: 102_920_000)),
        new("jiucun", "九村镇", "Jiucun Town", VillageCount: 6, CommunityCount: 1,
            new MicroBox(South: 24_500_000, West: 102_920_000, North: 24_620_000, East: 103_080_000)),
    ];

    public static readonly MicroBox CountyBounds =
        new(South: 24_500_000, West: 102_760_000, North: 24_860_000, East: 103_080_000);

    // The first nine are the work categories named in the study; the rest are typical
    // department-owned categories of Chinese grid / urban management.
    public static readonly IReadOnlyList<Category> Categories =
    [
        new("party-building", "党建", "Party Building", Priority.Normal, HandledBy.Grid),
        new("civilised-city", "创文", "Civilised City Campaign", Priority.Normal, HandledBy.Grid),
        new("sanitary-city", "创卫", "Sanitary City Campaign", Priority.Normal, HandledBy.Grid),
        new("special-campaign", "专项行动", "Special Campaigns", Priority.Normal, HandledBy.Grid),
        new("public-security", "社会治安", "Public Security", Priority.Urgent, HandledBy.Department),
        new("hazard", "问题隐患", "Hazards", Priority.Normal, HandledBy.Grid),
        new("dispute", "矛盾纠纷", "Conflicts and Disputes", Priority.Normal, HandledBy.Grid),
        new("epidemic", "疫情防控", "Epidemic Prevention", Priority.Urgent, HandledBy.Department),
        new("rural-environment", "农村人居环境整治", "Rural Living Environment", Priority.Normal, HandledBy.Grid),
        new("fire-hazard", "消防隐患", "Fire Hazards", Priority.Urgent, HandledBy.Department),
        new("illegal-construction", "违法建设", "Illegal Construction", Priority.Normal, HandledBy.Department),
        new("food-safety", "食品药品安全", "Food and Drug Safety", Priority.Normal, HandledBy.Department),
        new("pollution", "环境污染", "Environmental Pollution", Priority.Normal, HandledBy.Department),
        new("geological-hazard", "地质灾害", "Geological Hazards", Priority.Critical, HandledBy.Department),
        new("road-safety", "道路交通安全", "Road and Traffic Safety", Priority.Normal, HandledBy.Department),
        new("key-person-visit", "重点人员走访", "Key-Person Visits", Priority.Normal, HandledBy.Grid),
    ];

    // Each department-handled category has exactly one owner; grid-handled ones are not listed.
    public static readonly IReadOnlyList<Department> Departments =
    [
        new("public-security", "澄江市公安局", "Public Security Bureau", ["public-security"]),
        new("emergency-management", "澄江市应急管理局", "Emergency Management Bureau", ["fire-hazard"]),
        new("urban-management", "澄江市综合行政执法局", "Urban Management and Law Enforcement Bureau", ["illegal-construction"]),
        new("health", "澄江市卫生健康局", "Health Bureau", ["epidemic"]),
        new("natural-resources", "澄江市自然资源局", "Natural Resources Bureau", ["geological-hazard"]),
        new("market-regulation", "澄江市市场监督管理局", "Market Regulation Bureau", ["food-safety"]),
        new("ecology-environment", "玉溪市生态环境局澄江分局", "Ecology and Environment Sub-bureau", ["pollution"]),
        new("transport", "澄江市交通运输局", "Transport Bureau", ["road-safety"]),
    ];
}

internal static class Priority
{
    public const string Normal = "normal";
    public const string Urgent = "urgent";
    public const string Critical = "critical";
}

internal static class HandledBy
{
    public const string Grid = "grid";
    public const string Department = "department";
}

internal static class VillageKind
{
    public const string Community = "community";
    public const string Village = "village";
}

internal static class WorkerRole
{
    public const string Head = "head";
    public const string Worker = "worker";
}

internal static class Employment
{
    public const string FullTime = "full-time";
    public const string PartTime = "part-time";
}

// ---------------------------------------------------------------------------------------------
// Generation.
// ---------------------------------------------------------------------------------------------

internal static class TopologyGenerator
{
    // Independent random streams, so that e.g. tweaking the name lists does not move any polygon.
    private const ulong CountsStream = 1;
    private const ulong GeometryStream = 2;
    private const ulong NamesStream = 3;

    // Percent chance of being full-time. Grid heads are usually the salaried 专职网格员; the other
    // workers mostly volunteer part-time. Together this lands at about a third full-time.
    private const int HeadFullTimePercent = 75;
    private const int WorkerFullTimePercent = 12;

    public static Topology Generate(ulong seed)
    {
        var countsRng = new SplitMix64(seed ^ CountsStream);
        var geometryRng = new SplitMix64(seed ^ GeometryStream);
        var names = new NameGenerator(new SplitMix64(seed ^ NamesStream));

        // Decide every count up front so the totals are exact regardless of the tree walk.
        var gridsPerVillage = CountDistributor.Distribute(
            Chengjiang.VillageTotal, Chengjiang.GridTotal,
            Chengjiang.MinGridsPerVillage, Chengjiang.MaxGridsPerVillage, countsRng);
        var workersPerGrid = CountDistributor.Distribute(
            Chengjiang.GridTotal, Chengjiang.WorkerTotal,
            Chengjiang.MinWorkersPerGrid, Chengjiang.MaxWorkersPerGrid, countsRng);

        var villageIndex = 0;
        var gridIndex = 0;
        var workerNumber = 0;
        var townships = new List<Township>();

        foreach (var spec in Chengjiang.Townships)
        {
            var strips = Geometry.SplitIntoStrips(spec.Bounds, spec.VillageCount, geometryRng);
            var villages = new List<Village>();

            for (var v = 0; v < strips.Count; v++)
            {
                var kind = v < spec.CommunityCount ? VillageKind.Community : VillageKind.Village;
                var villageId = $"{spec.Id}-{v + 1:D2}";
                var villageName = names.NextVillageName(kind);
                var cells = Geometry.SplitIntoCells(strips[v], gridsPerVillage[villageIndex++], geometryRng);
                var grids = new List<Grid>();

                for (var g = 0; g < cells.Count; g++)
                {
                    var workers = BuildWorkers(workersPerGrid[gridIndex++], ref workerNumber, names, countsRng);
                    grids.Add(BuildGrid($"{villageId}-{g + 1:D2}", $"{villageName}第{g + 1}网格", cells[g], workers));
                }

                villages.Add(new Village(villageId, villageName, kind, grids));
            }

            townships.Add(new Township(spec.Id, spec.Name, spec.NameEn, spec.Bounds.ToBounds(), villages));
        }

        return new Topology(Chengjiang.City, townships, Chengjiang.Departments, Chengjiang.Categories);
    }

    private static Grid BuildGrid(string id, string name, MicroBox cell, IReadOnlyList<Worker> workers) =>
        new(id, name, cell.Centre(), cell.CounterClockwiseRing(), workers);

    // The first worker of every grid is its head; worker ids run W0001.. in tree order.
    private static List<Worker> BuildWorkers(int count, ref int workerNumber, NameGenerator names, SplitMix64 rng)
    {
        var workers = new List<Worker>(count);
        for (var i = 0; i < count; i++)
        {
            var isHead = i == 0;
            var fullTime = rng.Chance(isHead ? HeadFullTimePercent : WorkerFullTimePercent);
            workers.Add(new Worker(
                $"W{++workerNumber:D4}",
                names.NextPersonName(),
                isHead ? WorkerRole.Head : WorkerRole.Worker,
                fullTime ? Employment.FullTime : Employment.PartTime));
        }

        return workers;
    }
}

internal static class CountDistributor
{
    // Splits `total` over `slots` buckets, each within [min, max]: start from random counts, then
    // nudge random buckets up or down until the sum is exact. Varied, yet hits the total exactly.
    public static int[] Distribute(int slots, int total, int min, int max, SplitMix64 rng)
    {
        if (total < slots * min || total > slots * max)
        {
            throw new InvalidOperationException($"Cannot put {total} into {slots} buckets of {min}..{max}.");
        }

        var counts = new int[slots];
        for (var i = 0; i < slots; i++)
        {
            counts[i] = rng.Next(min, max);
        }

        var sum = counts.Sum();
        while (sum != total)
        {
            var i = rng.Next(0, slots - 1);
            if (sum > total && counts[i] > min)
            {
                counts[i]--;
                sum--;
            }
            else if (sum < total && counts[i] < max)
            {
                counts[i]++;
                sum++;
            }
        }

        return counts;
    }
}

// An axis-aligned rectangle in integer micro-degrees (1e-6 degree, about 0.1 m). Working in
// integers is what keeps shared edges identical: a neighbour's edge is the very same long value.
internal readonly record struct MicroBox(long South, long West, long North, long East)
{
    private const double MicroDegreesPerDegree = 1_000_000d;
    private const double KmPerDegreeLat = 111.32;

    // cos(24.68 deg), written out so no platform libm is involved in choosing split directions.
    private const double CosCountyLatitude = 0.9087;

    public double HeightKm => (North - South) / MicroDegreesPerDegree * KmPerDegreeLat;

    public double WidthKm => (East - West) / MicroDegreesPerDegree * KmPerDegreeLat * CosCountyLatitude;

    public long Area => (North - South) * (East - West);

    public Bounds ToBounds() => new(ToDegrees(South), ToDegrees(West), ToDegrees(North), ToDegrees(East));

    // The centre, rounded to whole micro-degrees like every other coordinate in the file.
    public LatLng Centre() => new(
        ToDegrees(MidPoint(South, North)),
        ToDegrees(MidPoint(West, East)));

    // Counter-clockwise with lng as x and lat as y: SW, SE, NE, NW. The ring is not closed
    // (the first vertex is not repeated).
    public IReadOnlyList<LatLng> CounterClockwiseRing() =>
    [
        new(ToDegrees(South), ToDegrees(West)),
        new(ToDegrees(South), ToDegrees(East)),
        new(ToDegrees(North), ToDegrees(East)),
        new(ToDegrees(North), ToDegrees(West)),
    ];

    // Dividing an exact integer by 1e6 yields the double nearest the 6-decimal value, which
    // System.Text.Json prints back as that short decimal (e.g. 24.62).
    private static double ToDegrees(long micro) => micro / MicroDegreesPerDegree;

    private static long MidPoint(long a, long b) => a + ((b - a) / 2);
}

internal enum Axis
{
    // Cuts run east-west: the pieces are stacked south to north.
    Latitude,

    // Cuts run north-south: the pieces sit side by side west to east.
    Longitude,
}

internal static class Geometry
{
    // Piece widths vary by up to +-20 % so the map does not look like graph paper.
    private const int MinWeight = 80;
    private const int MaxWeight = 120;

    // Villages are strips across the township's longer side, so each strip stays reasonably
    // compact. Numbered south to north or west to east.
    public static IReadOnlyList<MicroBox> SplitIntoStrips(MicroBox box, int count, SplitMix64 rng) =>
        Slice(box, LongerAxis(box), count, rng);

    // Grids: the strip is cut into bands along its long side, and each band into cells, with the
    // band count chosen so cells come out roughly square. Bands with different cell counts meet
    // in T-junctions, which is fine for a tiling.
    public static IReadOnlyList<MicroBox> SplitIntoCells(MicroBox strip, int count, SplitMix64 rng)
    {
        var longAxis = LongerAxis(strip);
        var longKm = Math.Max(strip.HeightKm, strip.WidthKm);
        var shortKm = Math.Min(strip.HeightKm, strip.WidthKm);

        // b bands of c = count / b cells are square when long / b == short * b / count.
        var bandCount = Math.Clamp((int)Math.Round(Math.Sqrt(count * longKm / shortKm)), 1, count);
        var bands = Slice(strip, longAxis, bandCount, rng);
        var crossAxis = longAxis == Axis.Latitude ? Axis.Longitude : Axis.Latitude;

        var cells = new List<MicroBox>(count);
        for (var b = 0; b < bands.Count; b++)
        {
            // Spread the remainder over the first bands so band sizes differ by at most one.
            var cellsInBand = (count / bandCount) + (b < count % bandCount ? 1 : 0);
            cells.AddRange(Slice(bands[b], crossAxis, cellsInBand, rng));
        }

        return cells;
    }

    // The axis along which a box is longest; cutting along it yields the most compact pieces.
    private static Axis LongerAxis(MicroBox box) => box.HeightKm >= box.WidthKm ? Axis.Latitude : Axis.Longitude;

    private static List<MicroBox> Slice(MicroBox box, Axis axis, int count, SplitMix64 rng)
    {
        var weights = Enumerable.Range(0, count).Select(_ => rng.Next(MinWeight, MaxWeight)).ToArray();

        if (axis == Axis.Latitude)
        {
            var edges = WeightedEdges(box.South, box.North, weights);
            return [.. Enumerable.Range(0, count).Select(i => box with { South = edges[i], North = edges[i + 1] })];
        }
        else
        {
            var edges = WeightedEdges(box.West, box.East, weights);
            return [.. Enumerable.Range(0, count).Select(i => box with { West = edges[i], East = edges[i + 1] })];
        }
    }

    // Cut points between start and end proportional to the weights. Integer maths: the last edge
    // is exactly `end` and each inner edge is computed once and shared by both neighbours.
    private static long[] WeightedEdges(long start, long end, int[] weights)
    {
        long total = weights.Sum();
        var edges = new long[weights.Length + 1];
        edges[0] = start;

        long cumulative = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            cumulative += weights[i];
            edges[i + 1] = start + ((end - start) * cumulative / total);
        }

        return edges;
    }
}

// Synthetic names. Village names follow the Yunnan pattern of a descriptive character plus a
// landform / settlement character (…营, …哨, …箐, …甸); people get a common surname plus one or
// two given-name characters.
internal sealed class NameGenerator(SplitMix64 rng)
{
    private const string PlaceFirst = "龙凤海阳禄松小大旧梁吉广东西南北新仙玉明清金石沙马白青黑红高平安永兴长双中上下古柏矣尖落荷蒲";
    private const string PlaceSecond = "街湖山营甸坝溪河塘哨冲箐坡屯铺庄关邑窑林田湾泉水坪寨旗堡桥";

    // Weighted by repetition: the most common surnames in Yunnan appear more than once.
    private const string Surnames = "李李李王王张张杨杨杨赵刘刘陈陈周黄吴徐孙马朱胡罗何高段普字施鲁毕尹龚保钱郭林董";
    private const string GivenChars = "建国华明丽芳云红文志勇军平艳春秀英玉兰梅燕静敏涛强伟磊洪俊鹏琼娟婷霞海波林斌德祥福荣光辉慧倩佳欣雪";

    private const int TwoCharGivenNamePercent = 70;

    // Township names are taken so that no village shadows one; every village base is used once.
    private readonly HashSet<string> _usedPlaceNames = ["凤麓", "龙街", "右所", "阳宗", "海口", "九村"];

    public string NextVillageName(string kind)
    {
        string stem;
        do
        {
            stem = $"{Pick(PlaceFirst)}{Pick(PlaceSecond)}";
        }
        while (!_usedPlaceNames.Add(stem));

        return stem + (kind == VillageKind.Community ? "社区" : "村");
    }

    public string NextPersonName()
    {
        var given = rng.Chance(TwoCharGivenNamePercent)
            ? $"{Pick(GivenChars)}{Pick(GivenChars)}"
            : $"{Pick(GivenChars)}";
        return $"{Pick(Surnames)}{given}";
    }

    private char Pick(string characters) => characters[rng.Next(0, characters.Length - 1)];
}

// SplitMix64 (Steele, Lea & Flood 2014): tiny and fully specified here, so the sequence can never
// change under us the way System.Random's may between runtime versions.
internal sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        // unchecked: wrap-around is the algorithm, even if overflow checking is ever turned on.
        unchecked
        {
            _state += 0x9E3779B97F4A7C15UL;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    // Uniform enough for data generation; the modulo bias is negligible for these small ranges.
    public int Next(int minInclusive, int maxInclusive) =>
        minInclusive + (int)(NextUInt64() % (ulong)(maxInclusive - minInclusive + 1));

    public bool Chance(int percent) => Next(0, 99) < percent;
}

// ---------------------------------------------------------------------------------------------
// Self-check: refuse to write a file that breaks the invariants the grains rely on.
// ---------------------------------------------------------------------------------------------

internal static class TopologyValidator
{
    public static void Validate(Topology topology)
    {
        var villages = topology.Townships.SelectMany(t => t.Villages).ToList();
        var grids = villages.SelectMany(v => v.Grids).ToList();
        var workers = grids.SelectMany(g => g.Workers).ToList();

        Require(topology.Townships.Count == Chengjiang.Townships.Count, "township count");
        Require(villages.Count == Chengjiang.VillageTotal, "village count");
        Require(grids.Count == Chengjiang.GridTotal, "grid count");
        Require(workers.Count == Chengjiang.WorkerTotal, "worker count");

        Require(grids.All(g => g.Workers.Count is >= Chengjiang.MinWorkersPerGrid and <= Chengjiang.MaxWorkersPerGrid), "workers per grid");
        Require(grids.All(g => g.Workers[0].Role == WorkerRole.Head && g.Workers.Count(w => w.Role == WorkerRole.Head) == 1), "one head per grid, listed first");
        Require(AllDistinct(workers.Select(w => w.Id)), "unique worker ids");
        Require(AllDistinct(grids.Select(g => g.Id)), "unique grid ids");
        Require(AllDistinct(villages.Select(v => v.Name)), "unique village names");

        ValidateCategories(topology);
        ValidateTiling(topology);
    }

    // Every department-handled category has exactly one owner; every listed category exists.
    private static void ValidateCategories(Topology topology)
    {
        var owned = topology.Departments.SelectMany(d => d.Categories).ToList();
        var departmentHandled = topology.Categories.Where(c => c.HandledBy == HandledBy.Department).Select(c => c.Id);

        Require(AllDistinct(owned), "each category owned at most once");
        Require(owned.Order().SequenceEqual(departmentHandled.Order()), "department-handled categories owned exactly once");
    }

    // The grids tile the county box: areas add up to the box, and no two grids overlap.
    // Checked on the micro-degree values read back from the output, so rounding is covered too.
    private static void ValidateTiling(Topology topology)
    {
        var cells = topology.Townships
            .SelectMany(t => t.Villages)
            .SelectMany(v => v.Grids)
            .Select(g => ToMicroBox(g.Polygon))
            .ToList();

        var county = Chengjiang.CountyBounds;
        Require(cells.All(c => c.South >= county.South && c.West >= county.West && c.North <= county.North && c.East <= county.East), "grids lie inside the county box");
        Require(cells.All(c => c.South < c.North && c.West < c.East), "grids are non-empty");
        Require(cells.Sum(c => c.Area) == county.Area, "grid areas sum to the county box");

        for (var i = 0; i < cells.Count; i++)
        {
            for (var j = i + 1; j < cells.Count; j++)
            {
                Require(!Overlaps(cells[i], cells[j]), "grids do not overlap");
            }
        }
    }

    private static MicroBox ToMicroBox(IReadOnlyList<LatLng> ring) => new(
        South: ToMicro(ring.Min(p => p.Lat)),
        West: ToMicro(ring.Min(p => p.Lng)),
        North: ToMicro(ring.Max(p => p.Lat)),
        East: ToMicro(ring.Max(p => p.Lng)));

    private static long ToMicro(double degrees) => (long)Math.Round(degrees * 1_000_000d);

    private static bool Overlaps(MicroBox a, MicroBox b) =>
        a.West < b.East && b.West < a.East && a.South < b.North && b.South < a.North;

    private static bool AllDistinct(IEnumerable<string> values)
    {
        var list = values.ToList();
        return list.Distinct().Count() == list.Count;
    }

    private static void Require(bool condition, string invariant)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Generated topology breaks an invariant: {invariant}.");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Serialization: source-generated (file-based apps default to PublishAot, where reflection-based
// System.Text.Json warns), indented, '\n' newlines on every OS, Chinese written as-is.
// ---------------------------------------------------------------------------------------------

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Topology))]
internal sealed partial class TopologyJsonContext : JsonSerializerContext
{
}

internal static class TopologyJson
{
    public static string Serialize(Topology topology)
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            NewLine = "\n",
        };

        return JsonSerializer.Serialize(topology, new TopologyJsonContext(options).Topology) + "\n";
    }
}
