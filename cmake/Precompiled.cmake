# Precompiled headers. Most of a translation unit's compile time here is GCC parsing Qt's headers
# (measured on tst_visitrepository.cpp: 10.4 s of CPU, 6.5 s with the core set below), so each
# library precompiles the headers its sources include most, and every test program reuses one of
# two precompiled sets built once per tree. A set holds only Qt module and standard headers, never
# our own: editing our code never rebuilds it. QtTest stays out: its headers read the per-program
# QT_TESTCASE_BUILDDIR, which would make one shared set invalid for every test. GCC refuses a set
# built with other macros or options (-Winvalid-pch, an error here), so a mismatch fails the
# build instead of silently parsing everything again. -DCLINICDESK_PCH=OFF turns it all off.
option(CLINICDESK_PCH "Precompile the Qt and standard headers every target includes" ON)

set(CLINICDESK_PCH_CORE
    <algorithm> <functional> <memory> <optional> <vector>
    <QByteArray> <QCoreApplication> <QDate> <QDateTime> <QDir> <QFile> <QFileInfo> <QHash>
    <QJsonArray> <QJsonDocument> <QJsonObject> <QJsonValue> <QList> <QMap> <QObject> <QPointer>
    <QRegularExpression> <QSet> <QString> <QStringList> <QTimer> <QUrl> <QUuid> <QVariant>
    <QSqlDatabase> <QSqlError> <QSqlQuery> <QNetworkAccessManager> <QNetworkReply>
    <QSslConfiguration>)
set(CLINICDESK_PCH_WIDGETS ${CLINICDESK_PCH_CORE}
    <QAbstractTableModel> <QApplication> <QCheckBox> <QComboBox> <QDialog> <QFontMetrics>
    <QFormLayout> <QGridLayout> <QHBoxLayout> <QHeaderView> <QLabel> <QLineEdit> <QMessageBox>
    <QPlainTextEdit> <QPushButton> <QScrollArea> <QShortcut> <QSortFilterProxyModel>
    <QStackedWidget> <QTableView> <QTextDocument> <QVBoxLayout> <QWidget>)

# clinicdesk_precompile(TARGET CORE|WIDGETS [EXTRA <header>...]): TARGET precompiles that set.
function(clinicdesk_precompile target set)
    if(NOT CLINICDESK_PCH)
        return()
    endif()
    cmake_parse_arguments(ARG "" "" "EXTRA" ${ARGN})
    target_precompile_headers(${target} PRIVATE ${CLINICDESK_PCH_${set}} ${ARG_EXTRA})
endfunction()

# The two sets the test programs reuse (tests/CMakeLists.txt): compiled once, in holder targets
# with the test programs' flags (the bare Qt keywords allowed). Qt Test is not linked there: it
# defines QT_TESTCASE_BUILDDIR per program, which GCC would then require to match.
if(CLINICDESK_PCH AND NOT CLINICDESK_FUZZ)
    set(_pch_stub ${CMAKE_BINARY_DIR}/clinicdesk_pch_stub.cpp)
    file(CONFIGURE OUTPUT ${_pch_stub} CONTENT "// The precompiled headers' holder: no code.\n")
    add_library(clinicdesk_pch_tests_core OBJECT ${_pch_stub})
    target_link_libraries(clinicdesk_pch_tests_core PRIVATE Qt6::Core Qt6::Sql Qt6::Network)
    clinicdesk_precompile(clinicdesk_pch_tests_core CORE)
    add_library(clinicdesk_pch_tests_widgets OBJECT ${_pch_stub})
    target_link_libraries(clinicdesk_pch_tests_widgets
        PRIVATE Qt6::Core Qt6::Sql Qt6::Network Qt6::Widgets)
    clinicdesk_precompile(clinicdesk_pch_tests_widgets WIDGETS)
endif()

# clinicdesk_precompile_test(TARGET): a test program that links our libraries (and so Qt Sql and
# Network) reuses the holder its libraries match; one that links Qt alone parses its headers.
function(clinicdesk_precompile_test target)
    if(NOT CLINICDESK_PCH)
        return()
    endif()
    get_target_property(libs ${target} LINK_LIBRARIES)
    if(NOT libs MATCHES "clinicdesk_")
        return()
    endif()
    if(libs MATCHES "clinicdesk_ui|Qt6::Widgets")
        target_precompile_headers(${target} REUSE_FROM clinicdesk_pch_tests_widgets)
    else()
        target_precompile_headers(${target} REUSE_FROM clinicdesk_pch_tests_core)
    endif()
endfunction()
