// A Java host of qgov through JNA (Debian's libjna-java): the C interface of libqgov.so, loaded at run time by its
// name, with no glue code compiled for it. Build and run against an installed qgov:
//   javac -cp /usr/share/java/jna.jar QgovHost.java
//   java -cp /usr/share/java/jna.jar:. -Djna.library.path=PREFIX/lib QgovHost 2025-12-31 [--json FILE]
// Loads the embedded Dongli plan, evaluates the sample figures on AS_OF and prints "goal<TAB>status" per goal in
// plan order; --json writes the evaluation's JSON (as `qgov evaluate --format json`) to FILE. Exit 2 on any error.
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

public final class QgovHost {
  /** The part of qgov/qgov.h this host uses. size_t is NativeLong (LP64: 64-bit), enums are int. */
  public interface Qgov extends Library {
    Qgov LIB = Native.load("qgov", Qgov.class, Map.of(Library.OPTION_STRING_ENCODING, "UTF-8"));

    String qgov_version();
    Pointer qgov_last_error();
    String qgov_status_name(int status);
    String qgov_goal_status_name(int status);
    void qgov_string_free(Pointer s);

    int qgov_plan_dongli_2024(PointerByReference out);
    void qgov_plan_destroy(Pointer plan);
    int qgov_ledger_dongli_sample(Pointer plan, PointerByReference out);
    void qgov_ledger_destroy(Pointer ledger);
    int qgov_evaluate(Pointer plan, Pointer ledger, String asOf, String knownAsOf, PointerByReference out);
    void qgov_evaluation_destroy(Pointer evaluation);
    int qgov_evaluation_results(Pointer evaluation, int[] statuses, double[] values, NativeLong capacity,
                                NativeLongByReference count);
    int qgov_evaluation_goal_id(Pointer evaluation, NativeLong index, PointerByReference out);
    int qgov_evaluation_goal_status(Pointer evaluation, String goalId, int[] out);
    int qgov_evaluation_to_json(Pointer evaluation, PointerByReference out, NativeLongByReference length);
  }

  static final int QGOV_OK = 0, QGOV_ERROR_TOO_SMALL = 9;

  /** A failed call: its status name and the library's message (UTF-8, with the input's location). */
  static final class QgovException extends Exception {
    QgovException(String call, int status) {
      super(call + ": " + Qgov.LIB.qgov_status_name(status) + ": "
            + Qgov.LIB.qgov_last_error().getString(0, StandardCharsets.UTF_8.name()));
    }
  }

  static void check(String call, int status) throws QgovException {
    if (status != QGOV_OK) throw new QgovException(call, status);
  }

  public static void main(String[] args) {
    String asOf = null, jsonOut = null;
    for (int i = 0; i < args.length; ++i) {
      if (args[i].equals("--json") && i + 1 < args.length) jsonOut = args[++i];
      else asOf = args[i];
    }
    if (asOf == null) {
      System.err.println("usage: QgovHost AS_OF [--json FILE]");
      System.exit(2);
    }
    final Qgov q = Qgov.LIB;
    Pointer plan = null, ledger = null, evaluation = null;
    try {
      PointerByReference out = new PointerByReference();
      check("qgov_plan_dongli_2024", q.qgov_plan_dongli_2024(out));
      plan = out.getValue();
      check("qgov_ledger_dongli_sample", q.qgov_ledger_dongli_sample(plan, out));
      ledger = out.getValue();
      check("qgov_evaluate", q.qgov_evaluate(plan, ledger, asOf, null, out));
      evaluation = out.getValue();

      // the hot path: statuses and values as arrays, sized by a first call with capacity 0
      NativeLongByReference count = new NativeLongByReference();
      int s = q.qgov_evaluation_results(evaluation, null, null, new NativeLong(0), count);
      if (s != QGOV_OK && s != QGOV_ERROR_TOO_SMALL) check("qgov_evaluation_results", s);
      final int n = (int) count.getValue().longValue();
      int[] statuses = new int[n];
      double[] values = new double[n];
      check("qgov_evaluation_results", q.qgov_evaluation_results(evaluation, statuses, values, new NativeLong(n), count));

      StringBuilder lines = new StringBuilder();
      for (int i = 0; i < n; ++i) {
        check("qgov_evaluation_goal_id", q.qgov_evaluation_goal_id(evaluation, new NativeLong(i), out));
        String id = out.getValue().getString(0, StandardCharsets.UTF_8.name());  // borrowed: not freed
        int[] one = new int[1];                                                   // and by id, the other way in
        check("qgov_evaluation_goal_status", q.qgov_evaluation_goal_status(evaluation, id, one));
        if (one[0] != statuses[i]) throw new IllegalStateException(id + ": the two status calls disagree");
        lines.append(id).append('\t').append(q.qgov_goal_status_name(statuses[i])).append('\n');
      }
      System.out.print(lines);

      if (jsonOut != null) {
        NativeLongByReference length = new NativeLongByReference();
        check("qgov_evaluation_to_json", q.qgov_evaluation_to_json(evaluation, out, length));
        Pointer json = out.getValue();  // owned: freed with qgov_string_free
        try {
          Files.write(Path.of(jsonOut), json.getByteArray(0, (int) length.getValue().longValue()));
        } finally {
          q.qgov_string_free(json);
        }
      }
      // an error comes back as a status and a message, not an exception or a crash
      int[] unused = new int[1];
      int bad = q.qgov_evaluation_goal_status(evaluation, "no_such_goal", unused);
      System.err.println("java host: unknown goal -> " + q.qgov_status_name(bad) + ": "
                         + q.qgov_last_error().getString(0, StandardCharsets.UTF_8.name()));
    } catch (QgovException | java.io.IOException | IllegalStateException e) {
      System.err.println("java host: " + e.getMessage());
      System.exit(2);
    } finally {
      q.qgov_evaluation_destroy(evaluation);
      q.qgov_ledger_destroy(ledger);
      q.qgov_plan_destroy(plan);
    }
  }
}
