# SPDX-License-Identifier: Apache-2.0
# Install layout and CPack (SPEC I1). Linux: two .deb packages from one `cpack -G DEB`
# run (components gatehouse and gatehouse-portal). Windows: a per-machine MSI (WiX v3) of
# the desktop app. macOS: the app bundle on a drag-and-drop .dmg. installer/windows and
# installer/macos hold their sources; see docs/deployment.md and installer/linux/README.md.
set(GATEHOUSE_WINDOWS_DIR "${CMAKE_CURRENT_LIST_DIR}/windows")
set(GATEHOUSE_MACOS_DIR "${CMAKE_CURRENT_LIST_DIR}/macos")
set(GATEHOUSE_LINUX_DIR "${CMAKE_CURRENT_LIST_DIR}/linux")

if(UNIX AND NOT APPLE)
    # The QCA build Debian 12 lacks (scripts/build-qca.sh) goes privately next to each
    # program: lib/gatehouse for the app, lib/gatehouse-portal for the server (two packages
    # cannot own the same file). The binaries' RUNPATH ($ORIGIN/../lib/...) finds the
    # library; common/crypto.cpp adds <dir>/qca-qt6 to Qt's library paths so QCA finds
    # its OpenSSL plugin in <dir>/qca-qt6/crypto.
    set(gatehouse_qca_lib "${GATEHOUSE_QCA_PREFIX}/lib/libqca-qt6.so.2.3.10")
    set(gatehouse_qca_plugin "${GATEHOUSE_QCA_PREFIX}/lib/qca-qt6/crypto/libqca-ossl.so")
    set(gatehouse_components)
    if(GATEHOUSE_BUILD_APP)
        list(APPEND gatehouse_components gatehouse)
    endif()
    if(GATEHOUSE_BUILD_SERVER)
        list(APPEND gatehouse_components gatehouse-portal)
    endif()
    if(EXISTS "${gatehouse_qca_lib}")
        foreach(component IN LISTS gatehouse_components)
            set(private "lib/${component}")
            install(FILES "${gatehouse_qca_lib}" DESTINATION "${private}" COMPONENT ${component}
                    PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
            install(FILES "${GATEHOUSE_QCA_PREFIX}/lib/libqca-qt6.so.2" DESTINATION "${private}"
                    COMPONENT ${component})
            install(FILES "${gatehouse_qca_plugin}" DESTINATION "${private}/qca-qt6/crypto"
                    COMPONENT ${component} PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
            # The plugin was linked with a RUNPATH into the build prefix; the library is
            # already loaded by the program when QCA opens it.
            install(CODE "file(RPATH_REMOVE FILE \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${private}/qca-qt6/crypto/libqca-ossl.so\")"
                    COMPONENT ${component})
            install(CODE "file(RPATH_REMOVE FILE \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${private}/libqca-qt6.so.2.3.10\")"
                    COMPONENT ${component})
            # Packages carry no debug info (CPACK_STRIP_FILES only strips our own targets).
            install(CODE "execute_process(COMMAND \"${CMAKE_STRIP}\" --strip-unneeded --remove-section=.comment --remove-section=.note
                \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${private}/libqca-qt6.so.2.3.10\"
                \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${private}/qca-qt6/crypto/libqca-ossl.so\" COMMAND_ERROR_IS_FATAL ANY)"
                    COMPONENT ${component})
        endforeach()
    endif()

    # Man pages, compressed as Debian policy wants (gzip -n: reproducible).
    find_program(GATEHOUSE_GZIP gzip REQUIRED)
    foreach(page gatehouse.1 gatehouse-portal.8)
        set(out "${CMAKE_CURRENT_BINARY_DIR}/man/${page}.gz")
        file(MAKE_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}/man")
        execute_process(COMMAND "${GATEHOUSE_GZIP}" -9nc "${GATEHOUSE_LINUX_DIR}/man/${page}"
                        OUTPUT_FILE "${out}" COMMAND_ERROR_IS_FATAL ANY)
    endforeach()
    # Each package's copyright and changelog, where lintian looks for them.
    file(MAKE_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}/debian")
    string(TIMESTAMP gatehouse_changelog_date "%a, %d %b %Y %H:%M:%S +0000" UTC)
    foreach(component IN LISTS gatehouse_components)
        file(WRITE "${CMAKE_CURRENT_BINARY_DIR}/debian/${component}.changelog"
             "${component} (${PROJECT_VERSION}) stable; urgency=medium\n\n  * Release ${PROJECT_VERSION}.\n\n -- Gatehouse maintainers <maintainers@gatehouse.invalid>  ${gatehouse_changelog_date}\n")
        execute_process(COMMAND "${GATEHOUSE_GZIP}" -9nc "${CMAKE_CURRENT_BINARY_DIR}/debian/${component}.changelog"
                        OUTPUT_FILE "${CMAKE_CURRENT_BINARY_DIR}/debian/${component}.changelog.gz"
                        COMMAND_ERROR_IS_FATAL ANY)
        install(FILES "${GATEHOUSE_LINUX_DIR}/debian/copyright" DESTINATION "share/doc/${component}"
                COMPONENT ${component})
        install(FILES "${CMAKE_CURRENT_BINARY_DIR}/debian/${component}.changelog.gz"
                DESTINATION "share/doc/${component}" RENAME changelog.Debian.gz COMPONENT ${component})
    endforeach()

    if(GATEHOUSE_BUILD_APP)
        install(FILES "${GATEHOUSE_LINUX_DIR}/gatehouse.desktop" DESTINATION share/applications COMPONENT gatehouse)
        install(FILES "${GATEHOUSE_LINUX_DIR}/gatehouse.svg" DESTINATION share/icons/hicolor/scalable/apps
                COMPONENT gatehouse)
        foreach(size 16 24 32 48 64 128 256 512)
            set(png "${GATEHOUSE_LINUX_DIR}/icons/${size}x${size}/gatehouse.png")
            if(EXISTS "${png}")
                install(FILES "${png}" DESTINATION share/icons/hicolor/${size}x${size}/apps COMPONENT gatehouse)
            endif()
        endforeach()
        install(FILES "${GATEHOUSE_LINUX_DIR}/io.github.gatehouse.Gatehouse.metainfo.xml" DESTINATION share/metainfo
                COMPONENT gatehouse)
        install(FILES "${CMAKE_CURRENT_BINARY_DIR}/man/gatehouse.1.gz" DESTINATION share/man/man1 COMPONENT gatehouse)
    endif()
    if(GATEHOUSE_BUILD_SERVER)
        install(FILES "${CMAKE_CURRENT_BINARY_DIR}/man/gatehouse-portal.8.gz" DESTINATION share/man/man8
                COMPONENT gatehouse-portal)
        install(FILES "${GATEHOUSE_LINUX_DIR}/gatehouse-portal.service" DESTINATION /lib/systemd/system
                COMPONENT gatehouse-portal)
        install(FILES "${GATEHOUSE_LINUX_DIR}/portal.conf.example" DESTINATION /etc/gatehouse RENAME portal.conf
                COMPONENT gatehouse-portal)
        install(FILES "${GATEHOUSE_LINUX_DIR}/nginx-gatehouse.conf" DESTINATION share/doc/gatehouse-portal/examples
                COMPONENT gatehouse-portal OPTIONAL)
    endif()
endif()

set(CPACK_PACKAGE_NAME "gatehouse")
set(CPACK_PACKAGE_VENDOR "Gatehouse")
set(CPACK_PACKAGE_CONTACT "Gatehouse maintainers <maintainers@gatehouse.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_RESOURCE_FILE_LICENSE "${CMAKE_CURRENT_SOURCE_DIR}/LICENSE")
set(CPACK_STRIP_FILES ON)
if(WIN32)
    # `cpack -G WIX` in a build configured with -DGATEHOUSE_BUILD_SERVER=OFF: the MSI holds
    # the desktop app only (the server runs on Linux).
    set(CPACK_GENERATOR "WIX")
    set(CPACK_COMPONENTS_ALL gatehouse)
    set(CPACK_PACKAGE_NAME "Gatehouse")
    set(CPACK_PACKAGE_INSTALL_DIRECTORY "Gatehouse")
    set(CPACK_PACKAGE_FILE_NAME "gatehouse-${PROJECT_VERSION}-win64")
    # Never change this GUID: every version shares it, so installing a newer MSI
    # removes the older one (a major upgrade) instead of installing beside it.
    set(CPACK_WIX_UPGRADE_GUID "C5BA33A3-8DD6-4DE5-BAB2-EB6E2E13CA87")
    set(CPACK_WIX_INSTALL_SCOPE "perMachine")
    set(CPACK_WIX_PRODUCT_ICON "${GATEHOUSE_WINDOWS_DIR}/gatehouse.ico")
    set(CPACK_WIX_PROGRAM_MENU_FOLDER "Gatehouse")
    set(CPACK_WIX_PROPERTY_ARPURLINFOABOUT "${PROJECT_HOMEPAGE_URL}")
    set(CPACK_WIX_PROPERTY_ARPCOMMENTS "${PROJECT_DESCRIPTION}")
    # WiX shows a licence only from .txt or .rtf.
    configure_file("${CMAKE_CURRENT_SOURCE_DIR}/LICENSE" "${CMAKE_CURRENT_BINARY_DIR}/LICENSE.txt" COPYONLY)
    set(CPACK_RESOURCE_FILE_LICENSE "${CMAKE_CURRENT_BINARY_DIR}/LICENSE.txt")
    # The Start-menu shortcut; the desktop one (optional) and the policy properties
    # SERVERURL, LOCKSERVERURL and NODESKTOPSHORTCUT are in gatehouse-policy.wxs.
    set(CPACK_PACKAGE_EXECUTABLES "gatehouse" "Gatehouse")
    set(CPACK_WIX_EXTRA_SOURCES "${GATEHOUSE_WINDOWS_DIR}/gatehouse-policy.wxs")
elseif(APPLE)
    # `cpack -G DragNDrop`: Gatehouse.app on a disk image with a link to /Applications.
    set(CPACK_GENERATOR "DragNDrop")
    set(CPACK_COMPONENTS_ALL gatehouse)
    set(CPACK_DMG_VOLUME_NAME "Gatehouse ${PROJECT_VERSION}")
    set(CPACK_DMG_FORMAT "UDZO")
    set(CPACK_PACKAGE_FILE_NAME "gatehouse-${PROJECT_VERSION}-macos")
    set(CPACK_PACKAGE_ICON "${GATEHOUSE_MACOS_DIR}/gatehouse.icns")
else()
    set(CPACK_GENERATOR "DEB")
    set(CPACK_DEB_COMPONENT_INSTALL ON)
    set(CPACK_COMPONENTS_ALL ${gatehouse_components})
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
    set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS
        "${GATEHOUSE_QCA_PREFIX}/lib" "${GATEHOUSE_QCA_PREFIX}/lib/qca-qt6/crypto")
    set(CPACK_DEBIAN_PACKAGE_SECTION "net")
    set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
    set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
    set(CPACK_DEBIAN_GATEHOUSE_PACKAGE_NAME "gatehouse")
    set(CPACK_DEBIAN_GATEHOUSE_PACKAGE_SECTION "x11")
    set(CPACK_DEBIAN_GATEHOUSE_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-qpa-plugins")
    set(CPACK_COMPONENT_GATEHOUSE_DESCRIPTION
        "Staff desktop app for the Gatehouse client portal\n Staff invite clients to the firm's portal, send them single-use sign-in\n links by mail, see who has access and revoke it.")
    set(CPACK_DEBIAN_GATEHOUSE-PORTAL_PACKAGE_NAME "gatehouse-portal")
    set(CPACK_DEBIAN_GATEHOUSE-PORTAL_PACKAGE_DEPENDS "adduser, libqt6sql6-sqlite")
    set(CPACK_COMPONENT_GATEHOUSE-PORTAL_DESCRIPTION
        "Gatehouse client portal server\n Serves the firm's client portal (magic-link sign-in, sessions, documents)\n and the API the Gatehouse desktop app uses, behind a TLS reverse proxy.")
    set(CPACK_DEBIAN_GATEHOUSE-PORTAL_PACKAGE_CONTROL_EXTRA
        "${GATEHOUSE_LINUX_DIR}/debian/conffiles;${GATEHOUSE_LINUX_DIR}/debian/postinst;${GATEHOUSE_LINUX_DIR}/debian/prerm;${GATEHOUSE_LINUX_DIR}/debian/postrm")
    set(CPACK_DEBIAN_GATEHOUSE-PORTAL_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
endif()
include(CPack)
